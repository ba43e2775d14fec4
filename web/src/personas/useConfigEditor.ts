import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { ApiError } from '../api/client'
import type { NamedConfigClient } from '../api/namedConfigs'
import { navigate } from '../navigation'
import { pathErrors } from './personaErrors'

interface Stored {
  id: string
  canEdit: boolean
}

/**
 * Saving and deleting one named configuration from its editor. A new item opens its own page once created; a
 * stored one stays, and `onSaved` gets the stored version back so the form shows exactly what the server kept.
 */
export function useConfigEditor<TDto extends Stored, TConfig>(
  client: NamedConfigClient<TDto, TConfig>, stored: TDto | undefined, listPath: string, onSaved: (saved: TDto) => void,
) {
  const queryClient = useQueryClient()
  const [localErrors, setLocalErrors] = useState<Record<string, string[]>>({})
  const [saved, setSaved] = useState(false)

  const save = useMutation({
    meta: { errorShownInline: true },
    mutationFn: (config: TConfig) => (stored ? client.replace(stored.id, config) : client.create(config)),
    onSuccess: (result) => {
      void queryClient.invalidateQueries({ queryKey: client.keys.list() })
      queryClient.setQueryData(client.keys.detail(result.id), result)
      if (stored) {
        onSaved(result)
        setSaved(true)
      } else navigate(`${listPath}/${encodeURIComponent(result.id)}`)
    },
  })
  const remove = useMutation({
    meta: { errorShownInline: true },
    mutationFn: () => client.remove(stored!.id),
    onSuccess: () => {
      navigate(listPath)
      queryClient.removeQueries({ queryKey: client.keys.detail(stored!.id) })
      void queryClient.invalidateQueries({ queryKey: client.keys.list() })
    },
  })

  const serverErrors = save.error instanceof ApiError ? pathErrors(save.error.problem.errors) : {}
  return {
    save,
    remove,
    saved,
    readOnly: stored !== undefined && !stored.canEdit,
    /** Local (this form's own checks) over the server's, by API path. */
    errors: { ...serverErrors, ...localErrors },
    /** A problem without field paths, for one alert. */
    generalError: save.isError && !(save.error instanceof ApiError && save.error.problem.errors) ? save.error : null,
    /** Sends the form's configuration, or shows why it cannot be sent. */
    submit: (result: { ok: true; config: TConfig } | { ok: false; errors: Record<string, string[]> }) => {
      setLocalErrors(result.ok ? {} : result.errors)
      if (result.ok) save.mutate(result.config)
      else save.reset()
    },
    /** Edits invalidate the "Saved." note; removing rows drops messages that pointed at them. */
    edited: () => setSaved(false),
    clearErrors: () => {
      save.reset()
      setLocalErrors({})
    },
    dismissSaved: () => setSaved(false),
  }
}
