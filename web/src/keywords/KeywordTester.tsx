import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { useMemo, useState } from 'react'
import { ApiError, errorMessage } from '../api/client'
import { Alert } from '../components/Alert'
import { Card } from '../components/Card'
import { Textarea } from '../components/Input'
import { useDebouncedValue } from '../lib/useDebouncedValue'
import { testableRules, testerProblems } from './keywordSetForm'
import { keywordSetKeys, keywordSetsApi, type KeywordRule } from './keywordSetsApi'

/** Typing pauses this long before the rules run again: one request per pause, not per key. */
const DEBOUNCE_MS = 300

/** The unsaved rules run on pasted text as they are edited. */
export function KeywordTester({ rules, maxSnippets }: { rules: KeywordRule[]; maxSnippets: number }) {
  const [text, setText] = useState('')
  // Memoized so the debounce sees one value per edit, not a new object per render.
  const request = useMemo(() => ({ ...testableRules(rules), text, maxSnippets }), [rules, text, maxSnippets])
  const settled = useDebouncedValue(request, DEBOUNCE_MS)
  const ready = settled.text !== '' && settled.rules.length > 0

  const test = useQuery({
    queryKey: [...keywordSetKeys.all, 'test', { rules: settled.rules, text: settled.text, maxSnippets: settled.maxSnippets }],
    queryFn: ({ signal }) => keywordSetsApi.test(settled.rules, settled.text, settled.maxSnippets, signal),
    enabled: ready,
    // A refusal is about the rules as typed: asking again cannot change it.
    retry: false,
    // The last report stays up while the next one runs.
    placeholderData: keepPreviousData,
  })
  const problems = test.error instanceof ApiError ? testerProblems(test.error.problem.errors, settled.rows) : []
  const report = ready ? test.data : undefined
  const updating = request !== settled || (ready && test.isFetching)

  return (
    <Card className="flex flex-col gap-2 p-4" data-testid="ks-tester" aria-busy={updating}>
      <div className="flex items-baseline justify-between gap-2">
        <h2 className="text-sm font-semibold">Try the rules</h2>
        <span className="text-xs text-zinc-500" aria-live="polite" data-testid="ks-test-state">
          {text === '' ? 'Paste some text: the rules run on it as you edit them.' : updating ? 'Matching…' : ''}
        </span>
      </div>
      <Textarea aria-label="Text to match" placeholder="Paste a page's text here" value={text} onChange={(e) => setText(e.target.value)} data-testid="ks-test-text" />
      {problems.length > 0 && <Alert tone="error"><ul>{problems.map((p) => <li key={p}>{p}</li>)}</ul></Alert>}
      {test.isError && problems.length === 0 && <Alert tone="error">{errorMessage(test.error)}</Alert>}
      {report && !test.isError && (
        <div className="flex flex-col gap-1 text-xs" data-testid="ks-test-report">
          <p>
            Score <span className="font-semibold tabular-nums" data-testid="ks-test-score">{report.score.toFixed(2)}</span> · {report.hits.length} rule
            {report.hits.length === 1 ? '' : 's'} matched in {report.elapsedMs} ms
          </p>
          <ul className="flex flex-col gap-1">
            {report.hits.map((hit) => (
              <li key={hit.rule} data-testid="ks-test-hit" data-count={hit.count}>
                <span className="font-mono">{hit.pattern}</span> × <span className="tabular-nums">{hit.count}</span>
                {hit.error && <span className="text-red-600"> ({hit.error})</span>}
                {hit.snippets.map((s) => <span key={s.offset} className="block pl-4 text-zinc-500">… {s.text} …</span>)}
              </li>
            ))}
          </ul>
        </div>
      )}
    </Card>
  )
}
