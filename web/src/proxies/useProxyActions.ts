import { useMutation, useQueryClient } from '@tanstack/react-query'
import { showToast } from '../components/toasts'
import { proxiesApi, proxyKeys, type ProxyBulkAction, type ProxyBulkResult } from './proxiesApi'

const plural = (n: number) => `${n} prox${n === 1 ? 'y' : 'ies'}`

/** What a bulk action did, in a few words for a toast: "Deleted 3 proxies", "Tested 4 proxies: 3 answered, 1 failed". */
export function describeBulkResult(action: ProxyBulkAction, requested: number, result: ProxyBulkResult): string {
  if (action === 'test') {
    const ok = result.tests.filter((t) => t.ok).length
    return `Tested ${plural(result.tests.length)}: ${ok} answered, ${result.tests.length - ok} failed`
  }
  const verb = { enable: 'Enabled', disable: 'Disabled', delete: 'Deleted' }[action]
  return result.changed === requested ? `${verb} ${plural(requested)}` : `${verb} ${result.changed} of ${plural(requested)}`
}

/** Enable, disable, test or delete proxies (one or many) through the bulk endpoint; the list is re-read either way. */
export function useProxyActions() {
  const queryClient = useQueryClient()
  return useMutation({
    meta: { errorTitle: 'Not done' },
    mutationFn: ({ ids, action }: { ids: string[]; action: ProxyBulkAction }) => proxiesApi.bulk(ids, action),
    onSuccess: (result, { ids, action }) => {
      // One row's toggle shows in its row; a test or a change to several deserves a word.
      if (ids.length > 1 || action === 'test') showToast({ tone: 'success', title: describeBulkResult(action, ids.length, result) })
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: proxyKeys.list() }),
  })
}
