import { Trash2 } from 'lucide-react'
import { errorMessage } from '../api/client'
import { Alert } from '../components/Alert'
import { Button } from '../components/Button'
import { ConfirmDialog } from '../components/ConfirmDialog'
import { Link } from '../components/Link'

/** The part of useConfigEditor's state the bar shows. */
export interface EditorActionsState {
  save: { isPending: boolean }
  remove: { isPending: boolean; isError: boolean; error: Error | null; reset: () => void; mutate: () => void }
  saved: boolean
  readOnly: boolean
  generalError: Error | null
  dismissSaved: () => void
}

export interface EditorActionsProps {
  editor: EditorActionsState
  /** The stored item's name, or undefined on a "new" page. */
  storedName: string | undefined
  /** "DNS persona", "HTTP persona". */
  noun: string
  listPath: string
  /** Problems whose paths no field shows. */
  unplaced: string[]
  /** Test ids: delete-{stem}, save-{stem}. */
  testIdStem: string
}

/** An editor's outcome messages and its Delete / Cancel / Save bar (hidden for read-only users). */
export function EditorActions({ editor, storedName, noun, listPath, unplaced, testIdStem }: EditorActionsProps) {
  const { save, remove, saved, readOnly, generalError } = editor
  return (
    <>
      {unplaced.length > 0 && (
        <Alert tone="error" title="Not saved">
          <ul className="list-disc pl-4">{unplaced.map((line) => <li key={line}>{line}</li>)}</ul>
        </Alert>
      )}
      {generalError && <Alert tone="error" title="Not saved">{errorMessage(generalError)}</Alert>}
      {remove.isError && <Alert tone="error" title="Not deleted" onDismiss={() => remove.reset()}>{errorMessage(remove.error)}</Alert>}
      {saved && <Alert tone="success" onDismiss={editor.dismissSaved}>Saved.</Alert>}

      {!readOnly && (
        <div className="flex justify-end gap-2">
          {storedName !== undefined && (
            <ConfirmDialog
              title={`Delete this ${noun}?`}
              description={<>“{storedName}” is deleted for every user of the workspace. This cannot be undone.</>}
              confirmLabel="Delete"
              destructive
              onConfirm={() => remove.mutate()}
              triggerProps={{
                disabled: remove.isPending,
                className: 'mr-auto text-red-600 dark:text-red-400',
                'data-testid': `delete-${testIdStem}`,
                children: <><Trash2 aria-hidden /> Delete</>,
              }}
            />
          )}
          <Button asChild><Link to={listPath}>Cancel</Link></Button>
          <Button type="submit" variant="primary" disabled={save.isPending} data-testid={`save-${testIdStem}`}>
            {save.isPending ? 'Saving…' : storedName !== undefined ? 'Save changes' : `Create ${noun.split(' ').pop()}`}
          </Button>
        </div>
      )}
    </>
  )
}
