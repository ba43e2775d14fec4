import { useId, useRef, type ReactNode } from 'react'
import { Button, type ButtonProps } from './Button'
import { dialogClass } from './dialogClass'

export interface ConfirmDialogProps {
  /** The button that opens the dialog. */
  triggerProps: ButtonProps & { 'data-testid'?: string }
  title: string
  description: ReactNode
  confirmLabel: string
  destructive?: boolean
  onConfirm: () => void
}

/**
 * Native <dialog>: modal focus trap, Escape and backdrop for free, and unlike portal-based
 * dialogs it injects no <style> tags, so it keeps working under a strict CSP.
 */
export function ConfirmDialog({ triggerProps, title, description, confirmLabel, destructive, onConfirm }: ConfirmDialogProps) {
  const dialog = useRef<HTMLDialogElement>(null)
  const titleId = useId()
  const close = () => dialog.current?.close()

  return (
    <>
      <Button {...triggerProps} onClick={() => dialog.current?.showModal()} />
      <dialog
        ref={dialog}
        aria-labelledby={titleId}
        className={dialogClass}
      >
        <h2 id={titleId} className="text-base font-semibold text-zinc-900 dark:text-zinc-100">
          {title}
        </h2>
        <div className="mt-2 text-sm text-zinc-600 dark:text-zinc-400">{description}</div>
        <div className="mt-5 flex justify-end gap-2">
          <Button onClick={close} autoFocus>
            Cancel
          </Button>
          <Button
            variant={destructive ? 'danger' : 'primary'}
            data-testid="confirm-action"
            onClick={() => {
              close()
              onConfirm()
            }}
          >
            {confirmLabel}
          </Button>
        </div>
      </dialog>
    </>
  )
}
