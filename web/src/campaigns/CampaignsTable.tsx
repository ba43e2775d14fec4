import { createColumnHelper, tableFeatures, useTable } from '@tanstack/react-table'
import type { Campaign } from '../api/types'
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '../components/Table'
import { formatDate, humanize } from '../lib/format'
import { navigate } from '../navigation'
import { Link } from '../components/Link'
import { CampaignRowActions } from './CampaignRowActions'
import { PhaseProgress } from './PhaseProgress'
import { currentPhase } from './phaseTransitions'
import { StatusBadge } from './StatusBadge'

const features = tableFeatures({})
const helper = createColumnHelper<typeof features, Campaign>()

const columns = helper.columns([
  helper.accessor('name', {
    header: 'Name',
    cell: (info) => (
      <Link
        to={`/campaigns/${encodeURIComponent(info.row.original.id)}`}
        className="font-medium text-zinc-900 hover:underline dark:text-zinc-100"
        onClick={(e) => e.stopPropagation()}
      >
        {info.getValue()}
      </Link>
    ),
  }),
  helper.accessor('status', {
    header: 'Status',
    cell: (info) => <StatusBadge kind="campaign" status={info.getValue()} />,
  }),
  helper.accessor('mode', {
    header: 'Mode',
    cell: (info) => <span className="text-zinc-600 dark:text-zinc-400">{humanize(info.getValue())}</span>,
  }),
  helper.display({
    id: 'phase',
    header: 'Current phase',
    cell: (info) => <PhaseProgress phase={currentPhase(info.row.original.phases)} />,
  }),
  helper.accessor('createdAt', {
    header: 'Created',
    cell: (info) => <span className="whitespace-nowrap text-zinc-500 tabular-nums">{formatDate(info.getValue())}</span>,
  }),
  helper.display({
    id: 'actions',
    header: () => <span className="sr-only">Actions</span>,
    cell: (info) => <CampaignRowActions campaign={info.row.original} />,
  }),
])

export function CampaignsTable({ campaigns }: { campaigns: Campaign[] }) {
  const table = useTable({ features, columns, data: campaigns, getRowId: (row) => row.id })

  return (
    <Table data-testid="campaigns-table">
      <TableHeader>
        {table.getHeaderGroups().map((group) => (
          <tr key={group.id}>
            {group.headers.map((header) => (
              <TableHead key={header.id}>{header.isPlaceholder ? null : <table.FlexRender header={header} />}</TableHead>
            ))}
          </tr>
        ))}
      </TableHeader>
      <TableBody>
        {table.getRowModel().rows.map((row) => (
          <TableRow
            key={row.id}
            data-testid="campaign-row"
            className="cursor-pointer"
            onClick={() => navigate(`/campaigns/${encodeURIComponent(row.original.id)}`)}
          >
            {row.getAllCells().map((cell) => (
              <TableCell key={cell.id}>
                <table.FlexRender cell={cell} />
              </TableCell>
            ))}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  )
}
