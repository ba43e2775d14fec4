import { useMutation } from '@tanstack/react-query'
import { Play } from 'lucide-react'
import { useState, type FormEvent } from 'react'
import { ApiError, errorMessage } from '../api/client'
import { Alert } from '../components/Alert'
import { Button } from '../components/Button'
import { Card, CardContent, CardHeader, CardTitle } from '../components/Card'
import { Field } from '../components/Field'
import { Input, Textarea } from '../components/Input'
import { pathErrors } from './personaErrors'
import { parseTestNames } from './personaForm'
import { personasApi } from './personasApi'
import { TestResultsTable } from './TestResultsTable'

const MAX_NAMES = 50

/** Resolves a few names through each resolver of the saved persona and shows each resolver's figures. */
export function PersonaTestPanel({ personaId }: { personaId: string }) {
  const [namesText, setNamesText] = useState('')
  const [timeoutMs, setTimeoutMs] = useState('')
  const names = parseTestNames(namesText)
  const test = useMutation({
    meta: { errorShownInline: true },
    mutationFn: () => personasApi.test(personaId, { names, ...(timeoutMs.trim() ? { timeoutMs: Number(timeoutMs) } : {}) }),
  })
  const errors = test.error instanceof ApiError ? pathErrors(test.error.problem.errors) : {}
  const nameErrors = Object.entries(errors).filter(([path]) => path.startsWith('names')).flatMap(([, messages]) => messages)

  const onSubmit = (event: FormEvent) => {
    event.preventDefault()
    test.mutate()
  }

  return (
    <Card data-testid="persona-test-panel">
      <CardHeader><CardTitle>Test the saved persona</CardTitle></CardHeader>
      <CardContent className="flex flex-col gap-3">
        <form onSubmit={onSubmit} className="grid grid-cols-1 gap-3 sm:grid-cols-[minmax(0,1fr)_12rem]" noValidate>
          <Field label="Names to resolve" htmlFor="test-names" errors={nameErrors.length ? nameErrors : undefined}
            hint={`${names.length} of at most ${MAX_NAMES} · one per line, or separated by spaces or commas`}>
            <Textarea id="test-names" className="font-mono" rows={4} value={namesText} aria-invalid={nameErrors.length > 0}
              placeholder={'example.com\nexample.net'} onChange={(e) => setNamesText(e.target.value)} data-testid="test-names" />
          </Field>
          <div className="flex flex-col gap-3">
            <Field label="Timeout per query (ms)" htmlFor="test-timeout" errors={errors.timeoutMs} hint="Empty: the persona's.">
              <Input id="test-timeout" type="number" min={10} value={timeoutMs} aria-invalid={!!errors.timeoutMs}
                onChange={(e) => setTimeoutMs(e.target.value)} data-testid="test-timeout" />
            </Field>
            <Button type="submit" variant="primary" disabled={test.isPending || names.length === 0 || names.length > MAX_NAMES} data-testid="run-test">
              <Play aria-hidden /> {test.isPending ? 'Resolving…' : 'Run test'}
            </Button>
          </div>
        </form>
        {test.isError && !(test.error instanceof ApiError && test.error.problem.errors) && (
          <Alert tone="error" title="The test did not run">{errorMessage(test.error)}</Alert>
        )}
        {test.data && (
          <div className="overflow-x-auto">
            <p className="mb-2 text-xs text-zinc-500">
              {test.data.names.length} name{test.data.names.length === 1 ? '' : 's'} × {test.data.recordTypes.join(', ')} through each resolver on its own,
              {' '}{test.data.timeoutMs} ms per query. Counts are queries, retries included.
            </p>
            <TestResultsTable resolvers={test.data.resolvers} />
          </div>
        )}
      </CardContent>
    </Card>
  )
}
