import { ConfirmDialog } from '../components/ConfirmDialog'
import { Button } from '../components/Button'
import type { ProxyBulkAction } from './proxiesApi'

export interface ProxyBulkBarProps {
  count: number
  /** Every selected proxy may be changed by this user (the server refuses a bulk change all or nothing). */
  editable: boolean
  busy: boolean
  onAction: (action: ProxyBulkAction) => void
  onClear: () => void
}

/** The ticked rows' actions; deleting several asks first. */
export function ProxyBulkBar({ count, editable, busy, onAction, onClear }: ProxyBulkBarProps) {
  const some = `${count} prox${count === 1 ? 'y' : 'ies'}`
  const changeDisabled = busy || !editable
  return (
    <div className="flex flex-wrap items-center gap-2 rounded-md border border-zinc-200 bg-zinc-50 px-3 py-2 text-sm dark:border-zinc-800 dark:bg-zinc-900/60"
      role="toolbar" aria-label="Selected proxies" data-testid="proxy-bulk-bar">
      <span className="mr-auto" data-testid="proxy-selected-count">
        {some} selected{!editable && <span className="text-xs text-zinc-500"> · some are not yours to change (their creator or an admin may)</span>}
      </span>
      <Button size="sm" disabled={changeDisabled} onClick={() => onAction('enable')} data-testid="proxy-bulk-enable">Enable selected</Button>
      <Button size="sm" disabled={changeDisabled} onClick={() => onAction('disable')} data-testid="proxy-bulk-disable">Disable selected</Button>
      <Button size="sm" disabled={busy} onClick={() => onAction('test')} data-testid="proxy-bulk-test">Test selected</Button>
      <ConfirmDialog
        title={`Delete ${some}?`}
        description="They are deleted for every user of the workspace. This cannot be undone."
        confirmLabel={`Delete ${some}`}
        destructive
        onConfirm={() => onAction('delete')}
        triggerProps={{ size: 'sm', disabled: changeDisabled, className: 'text-red-600 dark:text-red-400', 'data-testid': 'proxy-bulk-delete', children: 'Delete selected' }}
      />
      <Button size="sm" variant="ghost" onClick={onClear} data-testid="proxy-bulk-clear">Clear</Button>
    </div>
  )
}
