import { X } from 'lucide-react'
import { useRef, type ClipboardEvent, type KeyboardEvent } from 'react'
import { cn } from '../lib/cn'
import { addEntries, hasSeparator, splitDraft } from '../lib/chips'
import { fieldClass } from './fieldClass'

export interface ChipsInputProps {
  id: string
  values: readonly string[]
  /** Text typed but not yet made a chip; it counts as an entry when the form is sent. */
  draft: string
  onChange: (values: readonly string[], draft: string) => void
  /** Cleans one entry ("  .COM" → "com"); an empty answer drops it. */
  normalize: (entry: string) => string
  /** How a chip shows its value (".com"); the value itself by default. */
  display?: (value: string) => string
  /** Common entries offered as one-click additions when not chosen yet. */
  suggestions?: readonly string[]
  invalid?: boolean
  'data-testid'?: string
}

/**
 * A list edited as chips: type and press Enter, comma or space (or paste a whole list) to add, Backspace on an empty
 * field or a chip's × to remove.
 */
export function ChipsInput({ id, values, draft, onChange, normalize, display = (v) => v, suggestions = [], invalid, ...rest }: ChipsInputProps) {
  const input = useRef<HTMLInputElement>(null)
  const testId = rest['data-testid']

  const type = (text: string) => {
    const { finished, draft: next } = splitDraft(text)
    onChange(addEntries(values, finished, normalize), next)
  }
  const finishDraft = () => {
    if (draft.trim()) onChange(addEntries(values, [draft], normalize), '')
  }
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter') {
      // Enter adds the entry; it must not send the whole form half-filled.
      event.preventDefault()
      finishDraft()
    } else if (event.key === 'Backspace' && draft === '' && values.length > 0) {
      event.preventDefault()
      onChange(values.slice(0, -1), '')
    }
  }
  // A pasted list becomes chips at once; a single pasted word is ordinary typing.
  const onPaste = (event: ClipboardEvent<HTMLInputElement>) => {
    const pasted = event.clipboardData.getData('text')
    if (!hasSeparator(pasted)) return
    event.preventDefault()
    type(`${draft}${pasted} `)
  }
  const offered = suggestions.filter((s) => !values.includes(s))

  return (
    <div className="flex flex-col gap-1.5">
      <div className={cn(fieldClass, 'flex min-h-8 cursor-text flex-wrap items-center gap-1 py-1')} aria-invalid={invalid || undefined}
        onClick={() => input.current?.focus()} data-testid={testId && `${testId}-chips`}>
        {values.map((value) => (
          <span key={value} className="inline-flex items-center gap-0.5 rounded bg-zinc-100 py-0.5 pr-0.5 pl-1.5 font-mono text-xs dark:bg-zinc-800"
            data-testid={testId && `${testId}-chip`} data-value={value}>
            {display(value)}
            <button type="button" className="rounded p-0.5 text-zinc-500 hover:bg-zinc-200 hover:text-zinc-900 dark:hover:bg-zinc-700 dark:hover:text-zinc-100"
              aria-label={`Remove ${display(value)}`} onClick={() => onChange(values.filter((v) => v !== value), draft)}>
              <X className="size-3" />
            </button>
          </span>
        ))}
        <input ref={input} id={id} value={draft} aria-invalid={invalid} data-testid={testId}
          className="min-w-16 flex-1 bg-transparent font-mono text-sm outline-none"
          onChange={(e) => type(e.target.value)} onKeyDown={onKeyDown} onPaste={onPaste} onBlur={finishDraft} />
      </div>
      {offered.length > 0 && (
        <div className="flex flex-wrap items-center gap-1 text-xs text-zinc-500">
          <span>Add:</span>
          {offered.map((suggestion) => (
            <button key={suggestion} type="button" aria-label={`Add ${display(suggestion)}`} data-testid={testId && `${testId}-suggestion`} data-value={suggestion}
              className="rounded border border-dashed border-zinc-300 px-1.5 py-0.5 font-mono hover:border-zinc-500 hover:text-zinc-900 dark:border-zinc-700 dark:hover:text-zinc-100"
              onClick={() => onChange(addEntries(values, [suggestion], normalize), draft)}>
              {display(suggestion)}
            </button>
          ))}
        </div>
      )}
    </div>
  )
}
