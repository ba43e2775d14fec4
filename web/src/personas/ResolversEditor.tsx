import { Plus, X } from 'lucide-react'
import { Button } from '../components/Button'
import { Input } from '../components/Input'
import { resolverRow, type ResolverRow } from './personaForm'

export interface ResolversEditorProps {
  rows: ResolverRow[]
  onChange: (rows: ResolverRow[]) => void
  /** Row removal shifts the server's row positions: the editor asks for stale messages to be dropped. */
  onRowsRemoved: () => void
  errors: Record<string, string[]>
  disabled?: boolean
}

function RowErrors({ messages, testId }: { messages: string[] | undefined; testId: string }) {
  return messages?.map((message) => (
    <p key={message} className="text-xs text-red-600 dark:text-red-400" data-testid={testId}>{message}</p>
  ))
}

/** Address and weight per resolver; the weight only matters to the weighted strategy. */
export function ResolversEditor({ rows, onChange, onRowsRemoved, errors, disabled }: ResolversEditorProps) {
  const update = (key: number, patch: Partial<ResolverRow>) => onChange(rows.map((row) => (row.key === key ? { ...row, ...patch } : row)))

  return (
    <div className="flex flex-col gap-2" data-testid="resolvers-editor">
      <div className="grid grid-cols-[minmax(0,1fr)_6rem_2rem] gap-2 text-xs font-medium text-zinc-600 dark:text-zinc-400">
        <span>Address (ip, ip:port or [v6]:port)</span>
        <span>Weight</span>
      </div>
      {rows.map((row, i) => {
        const address = errors[`resolvers[${i}].address`]
        const weight = errors[`resolvers[${i}].weight`]
        return (
          <div key={row.key} className="flex flex-col gap-1" data-testid="resolver-row">
            <div className="grid grid-cols-[minmax(0,1fr)_6rem_2rem] gap-2">
              <Input id={`resolver-${i}-address`} className="font-mono" value={row.address} placeholder="127.0.0.1:5353"
                aria-label={`Resolver ${i + 1} address`} aria-invalid={!!address} disabled={disabled}
                onChange={(e) => update(row.key, { address: e.target.value })} data-testid={`resolver-address-${i}`} />
              <Input id={`resolver-${i}-weight`} type="number" min={1} value={row.weight} aria-label={`Resolver ${i + 1} weight`}
                aria-invalid={!!weight} disabled={disabled} onChange={(e) => update(row.key, { weight: e.target.value })}
                data-testid={`resolver-weight-${i}`} />
              <Button variant="ghost" size="sm" className="h-8" aria-label={`Remove resolver ${i + 1}`} disabled={disabled || rows.length === 1}
                onClick={() => {
                  onChange(rows.filter((r) => r.key !== row.key))
                  onRowsRemoved()
                }}>
                <X />
              </Button>
            </div>
            <RowErrors messages={address} testId={`error-resolver-address-${i}`} />
            <RowErrors messages={weight} testId={`error-resolver-weight-${i}`} />
          </div>
        )
      })}
      <RowErrors messages={errors.resolvers} testId="error-resolvers" />
      <Button size="sm" className="self-start" disabled={disabled} onClick={() => onChange([...rows, resolverRow()])} data-testid="add-resolver">
        <Plus aria-hidden /> Add resolver
      </Button>
    </div>
  )
}
