import { useId, useLayoutEffect, useRef, useState, type ReactNode } from 'react'
import { cn } from '../lib/cn'
import { Button, type ButtonProps } from './Button'
import { dialogClass } from './dialogClass'

export interface FormDialogProps {
  /** The button that opens the dialog. */
  triggerProps: ButtonProps & { 'data-testid'?: string }
  title: string
  description?: ReactNode
  /**
   * The dialog's body, mounted on each opening (and unmounted on closing) so its form starts from the current
   * values and a failed attempt's messages do not greet the next one. `close` ends the dialog, e.g. once saved.
   */
  children: (close: () => void) => ReactNode
  /** Wider than a confirmation, for forms with several fields side by side. */
  wide?: boolean
  testId?: string
}

/** A form in a native modal <dialog>, like ConfirmDialog: focus trap, Escape and backdrop for free, nothing injected. */
export function FormDialog({ triggerProps, title, description, children, wide, testId }: FormDialogProps) {
  const dialog = useRef<HTMLDialogElement>(null)
  const [open, setOpen] = useState(false)
  const titleId = useId()

  // The body exists once `open` has rendered it, so the modal opens after it (and focuses its first field).
  useLayoutEffect(() => {
    const element = dialog.current
    if (open && !element?.open) element?.showModal()
    if (!open && element?.open) element.close()
  }, [open])

  const close = () => setOpen(false)

  return (
    <>
      <Button {...triggerProps} onClick={() => setOpen(true)} />
      {/* Escape closes the element itself; its close event brings the state along. */}
      <dialog ref={dialog} aria-labelledby={titleId} onClose={close} className={cn(dialogClass, wide && 'w-[min(92vw,640px)]')}
        data-testid={testId}>
        {open && (
          <>
            <h2 id={titleId} className="text-base font-semibold text-zinc-900 dark:text-zinc-100">{title}</h2>
            {description && <div className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">{description}</div>}
            <div className="mt-4">{children(close)}</div>
          </>
        )}
      </dialog>
    </>
  )
}

export interface DialogActionsProps {
  onCancel: () => void
  submitLabel: string
  pendingLabel: string
  pending: boolean
  /** The submit does something that cannot be undone (a password reset). */
  destructive?: boolean
  /** The submit button's data-testid. */
  testId?: string
}

/** A form dialog's Cancel / submit row. */
export function DialogActions({ onCancel, submitLabel, pendingLabel, pending, destructive, testId }: DialogActionsProps) {
  return (
    <div className="mt-5 flex justify-end gap-2">
      <Button onClick={onCancel}>Cancel</Button>
      <Button type="submit" variant={destructive ? 'danger' : 'primary'} disabled={pending} aria-busy={pending} data-testid={testId}>
        {pending ? pendingLabel : submitLabel}
      </Button>
    </div>
  )
}
