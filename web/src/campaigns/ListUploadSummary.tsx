import type { ListUploadResult } from '../api/types'
import { formatNumber } from '../lib/format'

export function ListUploadSummary({ result }: { result: ListUploadResult }) {
  return (
    <div className="flex flex-col gap-2" data-testid="list-upload-result">
      <dl className="grid grid-cols-3 gap-2 text-sm">
        {([
          ['Accepted', result.accepted, 'accepted'],
          ['Invalid', result.invalid, 'invalid'],
          ['Duplicates', result.duplicates, 'duplicates'],
        ] as const).map(([label, value, key]) => (
          <div key={key} className="rounded-md bg-zinc-50 px-2.5 py-2 dark:bg-zinc-950">
            <dt className="text-xs text-zinc-500">{label}</dt>
            <dd className="font-semibold tabular-nums" data-testid={`list-${key}`}>
              {formatNumber(value)}
            </dd>
          </div>
        ))}
      </dl>
      {result.invalidSamples.length > 0 && (
        <div className="text-xs text-zinc-500">
          Invalid lines, for example:{' '}
          <span className="font-mono text-zinc-700 dark:text-zinc-300">{result.invalidSamples.slice(0, 10).join(', ')}</span>
        </div>
      )}
    </div>
  )
}
