import { useMutation } from '@tanstack/react-query'
import { Play } from 'lucide-react'
import { useState, type FormEvent } from 'react'
import { ApiError, errorMessage } from '../api/client'
import { Alert } from '../components/Alert'
import { Button } from '../components/Button'
import { Card, CardContent, CardHeader, CardTitle } from '../components/Card'
import { DetailList, DetailRow } from '../components/DetailRows'
import { Field } from '../components/Field'
import { Input } from '../components/Input'
import { HttpResultDetails } from '../http/HttpResultDetails'
import { fromProbeResult } from '../http/httpResult'
import { pathErrors } from '../personas/personaErrors'
import { listFieldErrors, schemeOrderLabel } from './httpPersonaForm'
import { isTestUrl, testRequest } from './httpPersonaTest'
import { httpPersonasApi, type HttpPersonaTestReport } from './httpPersonasApi'

/** Fetches one site through the saved persona, as the HTTP phase would, and shows what was sent and what came back. */
export function HttpPersonaTestPanel({ personaId }: { personaId: string }) {
  const [target, setTarget] = useState('')
  const [addresses, setAddresses] = useState('')
  const test = useMutation({
    meta: { errorShownInline: true },
    mutationFn: () => httpPersonasApi.test(personaId, testRequest(target, addresses)),
  })
  const errors = test.error instanceof ApiError ? pathErrors(test.error.problem.errors) : {}
  const targetErrors = errors.domain ?? errors.url
  const url = isTestUrl(target)

  const onSubmit = (event: FormEvent) => {
    event.preventDefault()
    test.mutate()
  }

  return (
    <Card data-testid="http-persona-test-panel">
      <CardHeader><CardTitle>Test the saved persona</CardTitle></CardHeader>
      <CardContent className="flex flex-col gap-3">
        <form onSubmit={onSubmit} className="grid grid-cols-1 items-start gap-3 sm:grid-cols-[minmax(0,1fr)_minmax(0,1fr)_auto]" noValidate>
          <Field label="Domain or URL" htmlFor="http-test-domain" errors={targetErrors}
            hint="A domain is fetched as the phase would (the persona's schemes and ports); a URL as it is. Its host is the Host and TLS server name.">
            <Input id="http-test-domain" value={target} placeholder="example.com or https://example.com/page" aria-invalid={!!targetErrors}
              onChange={(e) => setTarget(e.target.value)} data-testid="http-test-domain" />
          </Field>
          <Field label="Addresses" htmlFor="http-test-addresses" errors={listFieldErrors(errors, 'addresses', 'Address')}
            hint="The IPs to connect to, as the DNS phase would have found them.">
            <Input id="http-test-addresses" value={addresses} placeholder="127.0.0.10, 2001:db8::10" aria-invalid={!!errors.addresses}
              onChange={(e) => setAddresses(e.target.value)} data-testid="http-test-addresses" />
          </Field>
          <Button type="submit" variant="primary" className="sm:mt-5" disabled={test.isPending || !target.trim() || (!url && !addresses.trim())} data-testid="http-run-test">
            <Play aria-hidden /> {test.isPending ? 'Fetching…' : 'Fetch'}
          </Button>
        </form>
        {test.isError && !(test.error instanceof ApiError && test.error.problem.errors) && (
          <Alert tone="error" title="The test did not run">{errorMessage(test.error)}</Alert>
        )}
        {test.data && <TestReport report={test.data} />}
      </CardContent>
    </Card>
  )
}

function TestReport({ report }: { report: HttpPersonaTestReport }) {
  const { sent } = report
  return (
    <div className="grid grid-cols-1 gap-4 lg:grid-cols-2">
      <section className="flex flex-col gap-2" data-testid="http-test-sent">
        <h3 className="text-sm font-medium">Sent</h3>
        <dl className="flex flex-col gap-1.5 text-xs">
          <DetailRow label="Host"><span className="font-mono">{sent.domain}</span> at <span className="font-mono">{sent.addresses.join(', ')}</span></DetailRow>
          <DetailRow label="Schemes">{schemeOrderLabel(sent.schemeOrder)} · HTTP ports {sent.httpPorts.join(', ') || '—'} · HTTPS ports {sent.httpsPorts.join(', ') || '—'}</DetailRow>
          <DetailRow label="TLS">{sent.tlsVersions}</DetailRow>
          <DetailRow label="User agents"><DetailList items={sent.userAgents} /></DetailRow>
          <DetailRow label="Headers" testId="http-test-sent-headers">
            <DetailList items={[...sent.headers.map((h) => `${h.name}: ${h.value}`), ...(sent.acceptLanguage ? [`Accept-Language: ${sent.acceptLanguage}`] : [])]} />
          </DetailRow>
        </dl>
        <h3 className="text-sm font-medium">Requests, as they went out</h3>
        <ol className="flex flex-col gap-2 text-xs" data-testid="http-test-requests">
          {sent.requests.map((request, i) => (
            <li key={i} data-testid="http-test-request">
              <p className="break-all font-mono">{request.method} {request.url} <span className="text-zinc-500">{request.version}</span></p>
              <ul className="ml-3 font-mono text-zinc-600 dark:text-zinc-400">
                {request.headers.map((h, j) => <li key={j} className="break-all">{h.name}: {h.value}</li>)}
              </ul>
            </li>
          ))}
        </ol>
        <p className="text-xs text-zinc-500">The transport adds Host and Accept-Encoding to each.</p>
      </section>
      <section className="flex flex-col gap-2">
        <h3 className="text-sm font-medium">Received</h3>
        <HttpResultDetails result={fromProbeResult(report.result)} />
      </section>
    </div>
  )
}
