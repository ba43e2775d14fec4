import { Card, CardContent, CardHeader, CardTitle } from '../components/Card'
import { Checkbox } from '../components/Checkbox'
import { Field } from '../components/Field'
import { Input, Textarea } from '../components/Input'
import { Select } from '../components/Select'
import { RateFields } from '../personas/RateFields'
import { listFieldErrors, SCHEME_ORDERS, type CookieMode, type HttpPersonaFormState, type TlsVersion } from './httpPersonaForm'

const COOKIE_MODES = [
  { value: 'session', label: 'Keep a jar per domain (redirects carry cookies)' },
  { value: 'ignore', label: 'Ignore cookies' },
] as const satisfies readonly { value: CookieMode; label: string }[]

const TLS_VERSIONS = [
  { value: '1.2', label: 'TLS 1.2' },
  { value: '1.3', label: 'TLS 1.3' },
] as const satisfies readonly { value: TlsVersion; label: string }[]

type TextPath = 'maxRedirects' | 'connectTimeoutMs' | 'totalTimeoutMs' | 'acceptLanguage'

export interface HttpPersonaFormFieldsProps {
  form: HttpPersonaFormState
  onChange: (patch: Partial<HttpPersonaFormState>) => void
  /** Keyed by API path ("userAgents[1]", "headers[0].name", "perHostRate.perSecond"). */
  errors: Record<string, string[]>
  disabled?: boolean
}

/** Every field of an HTTP persona; each shows the server's messages for its path. */
export function HttpPersonaFormFields({ form, onChange, errors, disabled }: HttpPersonaFormFieldsProps) {
  const id = (path: string) => `http-persona-${path}`
  const text = (path: TextPath, label: string, hint?: string, type = 'number') => (
    <Field label={label} htmlFor={id(path)} errors={errors[path]} hint={hint}>
      <Input id={id(path)} type={type} value={form[path]} disabled={disabled} aria-invalid={!!errors[path]}
        onChange={(e) => onChange({ [path]: e.target.value })} data-testid={id(path)} />
    </Field>
  )
  const list = (path: 'userAgents' | 'headers' | 'cipherSuites' | 'allowedStatusCodes' | 'httpPorts' | 'httpsPorts',
    label: string, itemLabel: string, hint: string, rows: number, placeholder?: string) => {
    const messages = listFieldErrors(errors, path, itemLabel)
    return (
      <Field label={label} htmlFor={id(path)} errors={messages} hint={hint}>
        {rows > 1 ? (
          <Textarea id={id(path)} className="font-mono" rows={rows} value={form[path]} disabled={disabled} aria-invalid={!!messages}
            placeholder={placeholder} onChange={(e) => onChange({ [path]: e.target.value })} data-testid={id(path)} />
        ) : (
          <Input id={id(path)} value={form[path]} disabled={disabled} aria-invalid={!!messages} placeholder={placeholder}
            onChange={(e) => onChange({ [path]: e.target.value })} data-testid={id(path)} />
        )}
      </Field>
    )
  }

  return (
    <div className="flex flex-col gap-4">
      <Card>
        <CardHeader><CardTitle>Persona</CardTitle></CardHeader>
        <CardContent className="grid grid-cols-1 gap-3 sm:grid-cols-2">
          <Field label="Name" htmlFor={id('name')} errors={errors.name}>
            <Input id={id('name')} value={form.name} disabled={disabled} aria-invalid={!!errors.name} autoFocus
              onChange={(e) => onChange({ name: e.target.value })} data-testid={id('name')} />
          </Field>
          <div className="flex items-end pb-1.5">
            <Checkbox label="Enabled (offered to HTTP keyword analysis)" checked={form.enabled} disabled={disabled}
              onCheckedChange={(enabled) => onChange({ enabled })} data-testid={id('enabled')} />
          </div>
          <Field label="Description" htmlFor={id('description')} errors={errors.description} className="sm:col-span-2">
            <Textarea id={id('description')} value={form.description} disabled={disabled}
              onChange={(e) => onChange({ description: e.target.value })} />
          </Field>
        </CardContent>
      </Card>

      <Card>
        <CardHeader><CardTitle>Request</CardTitle></CardHeader>
        <CardContent className="grid grid-cols-1 gap-3 sm:grid-cols-2">
          {list('userAgents', 'User agents', 'User agent', 'One per line; each request takes the next one in turn.', 3)}
          {list('headers', 'Headers', 'Header', 'One “Name: value” per line, sent in this order. Host, Cookie and the like are the prober’s.', 3,
            'Accept: text/html\nDNT: 1')}
          {text('acceptLanguage', 'Accept-Language', 'Empty: not sent.', 'text')}
          <Field label="Cookies" htmlFor={id('cookieMode')} errors={errors.cookieMode}>
            <Select id={id('cookieMode')} options={COOKIE_MODES} value={form.cookieMode} disabled={disabled}
              onValueChange={(cookieMode) => onChange({ cookieMode })} data-testid={id('cookieMode')} />
          </Field>
        </CardContent>
      </Card>

      <Card>
        <CardHeader><CardTitle>Connection</CardTitle></CardHeader>
        <CardContent className="grid grid-cols-1 gap-3 sm:grid-cols-2">
          <Field label="Scheme order" htmlFor={id('schemeOrder')} errors={errors.schemeOrder} className="sm:col-span-2">
            <Select id={id('schemeOrder')} options={SCHEME_ORDERS} value={form.schemeOrder} disabled={disabled}
              onValueChange={(schemeOrder) => onChange({ schemeOrder })} data-testid={id('schemeOrder')} />
          </Field>
          {list('httpPorts', 'HTTP ports', 'Port', 'Tried in order, e.g. 80, 8080.', 1)}
          {list('httpsPorts', 'HTTPS ports', 'Port', 'Tried in order, e.g. 443, 8443.', 1)}
          {text('connectTimeoutMs', 'Connect timeout (ms)')}
          {text('totalTimeoutMs', 'Total timeout (ms)', 'The whole fetch: redirects and body included.')}
          <Field label="Minimum TLS version" htmlFor={id('tlsMinVersion')} errors={errors.tlsMinVersion}>
            <Select id={id('tlsMinVersion')} options={TLS_VERSIONS} value={form.tlsMinVersion} disabled={disabled}
              onValueChange={(tlsMinVersion) => onChange({ tlsMinVersion })} data-testid={id('tlsMinVersion')} />
          </Field>
          <Field label="Maximum TLS version" htmlFor={id('tlsMaxVersion')} errors={errors.tlsMaxVersion}>
            <Select id={id('tlsMaxVersion')} options={TLS_VERSIONS} value={form.tlsMaxVersion} disabled={disabled}
              onValueChange={(tlsMaxVersion) => onChange({ tlsMaxVersion })} data-testid={id('tlsMaxVersion')} />
          </Field>
          {list('cipherSuites', 'Cipher suites', 'Suite', 'IANA names, one per line (TLS_AES_128_GCM_SHA256…). Empty: the platform’s.', 2)}
          <div className="flex flex-col justify-end gap-2 pb-1.5">
            <Checkbox label="Require a valid certificate (otherwise recorded, not enforced)" checked={form.validateCertificates} disabled={disabled}
              onCheckedChange={(validateCertificates) => onChange({ validateCertificates })} data-testid={id('validateCertificates')} />
            <Checkbox label="Offer HTTP/2" checked={form.http2} disabled={disabled}
              onCheckedChange={(http2) => onChange({ http2 })} data-testid={id('http2')} />
          </div>
        </CardContent>
      </Card>

      <Card>
        <CardHeader><CardTitle>Response</CardTitle></CardHeader>
        <CardContent className="grid grid-cols-1 gap-3 sm:grid-cols-2">
          <Field label="Redirects" htmlFor={id('maxRedirects')} errors={errors.maxRedirects}>
            <div className="flex items-center gap-3">
              <Checkbox label="Follow, at most" checked={form.followRedirects} disabled={disabled}
                onCheckedChange={(followRedirects) => onChange({ followRedirects })} data-testid={id('followRedirects')} />
              <Input id={id('maxRedirects')} type="number" min={0} value={form.maxRedirects} aria-invalid={!!errors.maxRedirects}
                aria-label="Maximum redirects" disabled={disabled || !form.followRedirects}
                onChange={(e) => onChange({ maxRedirects: e.target.value })} data-testid={id('maxRedirects')} />
            </div>
          </Field>
          {list('allowedStatusCodes', 'Allowed status codes', 'Entry', 'Codes or ranges, e.g. 200-399, 401. Any other final status is an HTTP error.', 1)}
          <Field label="Body limit (KiB)" htmlFor={id('maxBodyBytes')} errors={errors.maxBodyBytes}
            hint="Read at most this much of each page; the rest is not downloaded.">
            <Input id={id('maxBodyBytes')} type="number" min={1} value={form.maxBodyKiB} disabled={disabled} aria-invalid={!!errors.maxBodyBytes}
              onChange={(e) => onChange({ maxBodyKiB: e.target.value })} data-testid={id('maxBodyBytes')} />
          </Field>
        </CardContent>
      </Card>

      <Card>
        <CardHeader><CardTitle>Rate</CardTitle></CardHeader>
        <CardContent className="grid grid-cols-1 gap-3 sm:grid-cols-2">
          <RateFields path="perHostRate" label="Per-host rate cap" unit="Requests" rate={form.perHostRate} errors={errors} disabled={disabled}
            onChange={(perHostRate) => onChange({ perHostRate })} />
          <RateFields path="globalRate" label="Global rate cap" unit="Requests" rate={form.globalRate} errors={errors} disabled={disabled}
            onChange={(globalRate) => onChange({ globalRate })} />
        </CardContent>
      </Card>
    </div>
  )
}
