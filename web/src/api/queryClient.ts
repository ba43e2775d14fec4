import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query'
import { showToast } from '../components/toasts'
import { ApiError, errorMessage } from './client'

declare module '@tanstack/react-query' {
  interface Register {
    mutationMeta: {
      /** The component shows this mutation's error itself (on a form's fields, in a card): no toast. */
      errorShownInline?: boolean
      /** The toast's title when it fails, e.g. "Could not pause the phase". */
      errorTitle?: string
    }
  }
}

/** A lost session or a refusal will not heal on retry: the app redirects or explains at once instead. */
function isFinal(error: unknown): boolean {
  return error instanceof ApiError && (error.status === 401 || error.status === 403)
}

/**
 * The app's query client. Failed actions show the API's message in a toast unless their component shows it;
 * a refresh that fails while a page already shows data says so in a toast too (the page keeps the data it had).
 */
export function createQueryClient({ retry = true }: { retry?: boolean } = {}): QueryClient {
  return new QueryClient({
    mutationCache: new MutationCache({
      onError: (error, _variables, _context, mutation) => {
        // A lost session is handled by the sign-in redirect, not a toast.
        if (mutation.meta?.errorShownInline || (error instanceof ApiError && error.status === 401)) return
        showToast({ tone: 'error', title: mutation.meta?.errorTitle ?? 'The action failed', message: errorMessage(error) })
      },
    }),
    queryCache: new QueryCache({
      onError: (error, query) => {
        if (query.state.data === undefined || isFinal(error)) return
        showToast({ tone: 'error', title: 'Could not refresh', message: errorMessage(error) })
      },
    }),
    defaultOptions: {
      queries: {
        // Live events keep data fresh; avoid refetch storms on every tab focus.
        staleTime: 10_000,
        refetchOnWindowFocus: false,
        retry: retry ? (failures, error) => failures < 3 && !isFinal(error) : false,
      },
    },
  })
}
