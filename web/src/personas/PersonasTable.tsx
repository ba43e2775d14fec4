import { Badge } from '../components/Badge'
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '../components/Table'
import { humanize } from '../lib/format'
import { Link } from '../components/Link'
import { EnabledSwitch } from './EnabledSwitch'
import type { DnsPersona } from './types'

export interface PersonasTableProps {
  personas: DnsPersona[]
  onToggle: (persona: DnsPersona, enabled: boolean) => void
  /** The enabled flag being saved, shown instead of the stored one until the server answers. */
  pending: { id: string; enabled: boolean } | null
}

export function PersonasTable({ personas, onToggle, pending }: PersonasTableProps) {
  return (
    <Table data-testid="personas-table">
      <TableHeader>
        <tr>
          <TableHead>Name</TableHead>
          <TableHead className="text-right">Resolvers</TableHead>
          <TableHead>Strategy</TableHead>
          <TableHead>Record types</TableHead>
          <TableHead>Enabled</TableHead>
        </tr>
      </TableHeader>
      <TableBody>
        {personas.map((persona) => (
          <TableRow key={persona.id} data-testid="persona-row" data-name={persona.name}>
            <TableCell>
              <Link to={`/personas/dns/${encodeURIComponent(persona.id)}`} className="font-medium text-zinc-900 hover:underline dark:text-zinc-100"
                data-testid="persona-link">
                {persona.name}
              </Link>
              {persona.description && <p className="max-w-md truncate text-xs text-zinc-500">{persona.description}</p>}
            </TableCell>
            <TableCell className="text-right tabular-nums" data-testid="persona-resolver-count">{persona.resolvers.length}</TableCell>
            <TableCell className="text-zinc-600 dark:text-zinc-400">{humanize(persona.strategy)}</TableCell>
            <TableCell>
              <div className="flex flex-wrap gap-1">
                {persona.recordTypes.map((type) => <Badge key={type}>{type}</Badge>)}
              </div>
            </TableCell>
            <TableCell>
              <EnabledSwitch name={persona.name} enabled={persona.enabled} canEdit={persona.canEdit}
                pending={pending?.id === persona.id ? pending.enabled : undefined} onToggle={(enabled) => onToggle(persona, enabled)}
                testId="persona-enabled-toggle" />
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  )
}
