import { Link } from '../components/Link'
import { Input } from '../components/Input'
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '../components/Table'
import type { PoolFormState } from './poolForm'
import { toggleMember } from './poolForm'
import type { Proxy } from './proxiesApi'
import { ProxyStatus } from './ProxyStatus'

export interface PoolMembersEditorProps {
  form: PoolFormState
  proxies: Proxy[]
  onChange: (members: PoolFormState['members']) => void
  errors: Record<string, string[]>
  disabled?: boolean
}

/** Every proxy of the workspace with a member checkbox and, for members, a weight; health shown to choose well. */
export function PoolMembersEditor({ form, proxies, onChange, errors, disabled }: PoolMembersEditorProps) {
  const memberIndex = new Map(form.members.map((m, i) => [m.proxyId, i]))
  // Members whose proxy was deleted since: still listed, so saving drops them visibly rather than silently.
  const missing = form.members.filter((m) => !proxies.some((p) => p.id === m.proxyId))
  if (proxies.length === 0 && missing.length === 0) {
    return (
      <p className="rounded-md border border-dashed border-zinc-300 p-3 text-sm text-zinc-600 dark:border-zinc-700 dark:text-zinc-400">
        No proxies yet: <Link to="/proxies" className="underline">add some</Link> first.
      </p>
    )
  }
  const setWeight = (index: number, weight: string) => onChange(form.members.map((m, i) => (i === index ? { ...m, weight } : m)))
  return (
    <Table data-testid="pool-members">
      <TableHeader>
        <tr>
          <TableHead>Member</TableHead>
          <TableHead>Proxy</TableHead>
          <TableHead>Health</TableHead>
          <TableHead>Weight</TableHead>
        </tr>
      </TableHeader>
      <TableBody>
        {proxies.map((proxy) => {
          const index = memberIndex.get(proxy.id)
          const weightErrors = index === undefined ? undefined : errors[`members[${index}].weight`]
          return (
            <TableRow key={proxy.id} data-testid="pool-member-row" data-name={proxy.name}>
              <TableCell>
                <input type="checkbox" className="size-4 accent-zinc-900 dark:accent-zinc-100" checked={index !== undefined} disabled={disabled}
                  aria-label={`${proxy.name} is a member`} onChange={(e) => onChange(toggleMember(form, proxy.id, e.target.checked))}
                  data-testid="pool-member-toggle" />
              </TableCell>
              <TableCell>
                <span className="font-medium">{proxy.name}</span>
                <span className="block font-mono text-xs text-zinc-500">{proxy.protocol}://{proxy.host}:{proxy.port}{proxy.enabled ? '' : ' · disabled'}</span>
              </TableCell>
              <TableCell><ProxyStatus proxy={proxy} /></TableCell>
              <TableCell>
                {index !== undefined && (
                  <>
                    <Input type="number" min={1} max={1000} className="w-20" value={form.members[index]!.weight} disabled={disabled}
                      aria-label={`Weight of ${proxy.name}`} aria-invalid={!!weightErrors}
                      onChange={(e) => setWeight(index, e.target.value)} data-testid="pool-member-weight" />
                    {weightErrors?.map((m) => <p key={m} className="text-xs text-red-600 dark:text-red-400">{m}</p>)}
                  </>
                )}
              </TableCell>
            </TableRow>
          )
        })}
        {missing.map((m) => (
          <TableRow key={m.proxyId}>
            <TableCell>
              <input type="checkbox" className="size-4" checked disabled={disabled} aria-label="Deleted proxy is a member"
                onChange={() => onChange(toggleMember(form, m.proxyId, false))} />
            </TableCell>
            <TableCell colSpan={3} className="text-xs text-zinc-500">A proxy deleted since (id {m.proxyId}): untick it to save the pool.</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  )
}
