export interface EnabledSwitchProps {
  name: string
  enabled: boolean
  canEdit: boolean
  /** The flag being saved, shown instead of the stored one until the server answers. */
  pending: boolean | undefined
  onToggle: (enabled: boolean) => void
  testId: string
}

/** A list row's enabled switch; read-only for users who may not change the item. */
export function EnabledSwitch({ name, enabled, canEdit, pending, onToggle, testId }: EnabledSwitchProps) {
  return (
    <input
      type="checkbox"
      role="switch"
      className="size-4 accent-zinc-900 dark:accent-zinc-100"
      aria-label={`${name} enabled`}
      checked={pending ?? enabled}
      disabled={!canEdit || pending !== undefined}
      title={canEdit ? undefined : 'Only its creator or an admin may change it'}
      onChange={(e) => onToggle(e.target.checked)}
      data-testid={testId}
    />
  )
}
