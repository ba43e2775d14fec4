import { ArrowLeft } from 'lucide-react'
import { Button } from '../components/Button'
import { Link } from '../components/Link'
import { formatDate } from '../lib/format'

export interface EditorTitleProps {
  stored: { name: string; createdAt: string; updatedAt: string } | undefined
  /** "DNS persona", "HTTP persona". */
  noun: string
  listPath: string
  testId: string
}

/** Back link, the item's name (or "New …") and when it was created and last changed. */
export function EditorTitle({ stored, noun, listPath, testId }: EditorTitleProps) {
  return (
    <div className="flex flex-wrap items-center justify-between gap-3">
      <div className="flex items-center gap-2">
        <Button variant="ghost" size="sm" asChild>
          <Link to={listPath} aria-label={`Back to ${noun}s`}><ArrowLeft /></Link>
        </Button>
        <h1 className="text-lg font-semibold" data-testid={testId}>{stored ? stored.name : `New ${noun}`}</h1>
      </div>
      {stored && <span className="text-xs text-zinc-500">Created {formatDate(stored.createdAt)} · updated {formatDate(stored.updatedAt)}</span>}
    </div>
  )
}
