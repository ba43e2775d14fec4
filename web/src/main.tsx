import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './App'
import { ApiError } from './api/client'
import { meQuery } from './auth/useMe'
import { dashboardQuery } from './dashboard/dashboardApi'
import './index.css'
import { applyTheme, loadTheme } from './lib/theme'

// Before the first render, so a dark choice never flashes light.
applyTheme(loadTheme())

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // Live events keep data fresh; avoid refetch storms on every tab focus.
      staleTime: 10_000,
      refetchOnWindowFocus: false,
      // A lost session (401) or a refusal (403) will not heal on retry: the app redirects at once instead.
      retry: (failures, error) => failures < 3 && !(error instanceof ApiError && (error.status === 401 || error.status === 403)),
    },
  },
})

// Render-as-you-fetch: who is signed in, and the dashboard a sign-in lands on, are requested while React starts.
void queryClient.prefetchQuery(meQuery)
if (window.location.pathname === '/') void queryClient.prefetchQuery(dashboardQuery)

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <App />
    </QueryClientProvider>
  </StrictMode>,
)
