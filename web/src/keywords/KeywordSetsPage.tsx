import { useQuery } from '@tanstack/react-query'
import { errorMessage } from '../api/client'
import { Alert } from '../components/Alert'
import { Card } from '../components/Card'
import { Link } from '../components/Link'
import { TableSkeleton } from '../components/TableSkeleton'
import { ConfigListHeader } from '../personas/ConfigListHeader'
import { keywordSetKeys, keywordSetsApi } from './keywordSetsApi'

/** /keyword-sets: every keyword set of the workspace, with import and export. */
export function KeywordSetsPage() {
  const query = useQuery({ queryKey: keywordSetKeys.list(), queryFn: ({ signal }) => keywordSetsApi.list(signal) })
  const sets = query.data ?? []

  return (
    <div className="flex flex-col gap-4">
      <ConfigListHeader title="Keyword sets" client={keywordSetsApi} noun="keyword set" newPath="/keyword-sets/new"
        testIds={{ plural: 'keyword-sets', singular: 'keyword-set' }} />
      <p className="text-sm text-zinc-600 dark:text-zinc-400">
        What the HTTP phase looks for on each page: literal words and phrases, or regular expressions that run without
        backtracking. Every hit is counted; a set's score adds weight × log2(1 + count) per rule.
      </p>
      {query.isError && <Alert tone="error" title="Could not load keyword sets">{errorMessage(query.error)}</Alert>}
      <Card className="overflow-x-auto">
        <table className="w-full text-sm" data-testid="keyword-sets-table">
          <thead>
            <tr className="border-b border-zinc-200 text-left text-xs text-zinc-500 dark:border-zinc-800">
              <th className="px-3 py-2 font-medium">Name</th>
              <th className="px-3 py-2 font-medium">Rules</th>
              <th className="px-3 py-2 font-medium">Status</th>
            </tr>
          </thead>
          <tbody>
            {sets.map((set) => (
              <tr key={set.id} className="border-b border-zinc-100 last:border-0 dark:border-zinc-900" data-testid="keyword-set-row">
                <td className="px-3 py-2"><Link to={`/keyword-sets/${set.id}`} className="font-medium underline-offset-2 hover:underline">{set.name}</Link></td>
                <td className="px-3 py-2 tabular-nums">{set.rules.length}</td>
                <td className="px-3 py-2 text-xs">{set.enabled ? 'enabled' : 'disabled'}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {query.isPending && <TableSkeleton label="Loading keyword sets" />}
        {query.isSuccess && sets.length === 0 && <p className="p-6 text-center text-sm text-zinc-500">No keyword sets yet. Create one, or import a file exported elsewhere.</p>}
      </Card>
    </div>
  )
}
