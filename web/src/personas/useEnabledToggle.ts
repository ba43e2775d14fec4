import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import type { NamedConfigClient } from '../api/namedConfigs'

interface Stored {
  id: string
}

/**
 * A list's enabled switch. The API replaces whole configurations, so the stored one is sent with only the flag
 * changed. The switch flips at once (set in the click itself) and stays so while saving; a refusal puts it back.
 */
export function useEnabledToggle<TDto extends Stored, TConfig>(client: NamedConfigClient<TDto, TConfig>, toConfig: (item: TDto) => TConfig) {
  const queryClient = useQueryClient()
  const [pending, setPending] = useState<{ id: string; enabled: boolean } | null>(null)
  const mutation = useMutation({
    meta: { errorTitle: 'Not changed' },
    mutationFn: ({ item, enabled }: { item: TDto; enabled: boolean }) => client.replace(item.id, { ...toConfig(item), enabled }),
    onSuccess: (saved) => {
      queryClient.setQueryData<TDto[]>(client.keys.list(), (list) => list?.map((p) => (p.id === saved.id ? saved : p)))
      queryClient.setQueryData(client.keys.detail(saved.id), saved)
    },
    onSettled: () => setPending(null),
  })
  return {
    pending,
    toggle: (item: TDto, enabled: boolean) => {
      setPending({ id: item.id, enabled })
      mutation.mutate({ item, enabled })
    },
  }
}
