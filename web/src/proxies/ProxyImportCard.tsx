import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { errorMessage } from '../api/client'
import { Alert } from '../components/Alert'
import { Button } from '../components/Button'
import { Card } from '../components/Card'
import { Field } from '../components/Field'
import { Textarea } from '../components/Input'
import { Select } from '../components/Select'
import { fieldErrorsOf } from '../lib/fieldErrors'
import { unplacedErrors } from '../personas/personaErrors'
import { proxiesApi, proxyKeys, type ProxyProtocol } from './proxiesApi'
import { PROXY_PROTOCOLS } from './proxyForm'

/** A pasted list of proxies, all or nothing: every bad line is named and nothing is added until all are good. */
export function ProxyImportCard() {
  const queryClient = useQueryClient()
  const [text, setText] = useState('')
  const [protocol, setProtocol] = useState<ProxyProtocol>('http')
  const add = useMutation({
    meta: { errorShownInline: true },
    mutationFn: () => proxiesApi.importText(text, protocol),
    onSuccess: () => {
      setText('')
      void queryClient.invalidateQueries({ queryKey: proxyKeys.list() })
    },
  })
  // Line problems come as "text[line 2]": said with their line, not placed on a field.
  const problems = unplacedErrors(fieldErrorsOf(add.error), () => false)

  return (
    <Card className="flex flex-col gap-2 p-4">
      <label htmlFor="proxy-list" className="text-sm font-semibold">Add proxies from a list</label>
      <Textarea id="proxy-list" placeholder={'host:port\nuser:pass@host:port\nsocks5://user:pass@host:port'} value={text}
        onChange={(e) => setText(e.target.value)} data-testid="proxy-list" />
      <div className="flex flex-wrap items-end gap-3">
        <Field label="Protocol of lines without a scheme" htmlFor="proxy-import-protocol">
          <Select id="proxy-import-protocol" options={PROXY_PROTOCOLS} value={protocol} onValueChange={setProtocol} data-testid="proxy-import-protocol" />
        </Field>
        <Button variant="primary" onClick={() => add.mutate()} disabled={add.isPending || text.trim() === ''} data-testid="proxy-add">
          {add.isPending ? 'Adding…' : 'Add'}
        </Button>
      </div>
      {add.isSuccess && <Alert tone="success" onDismiss={() => add.reset()}>Added {add.data.created.length}; {add.data.skipped} already stored.</Alert>}
      {add.isError && (
        <Alert tone="error" title="Nothing was added" onDismiss={() => add.reset()}>
          <span data-testid="proxy-add-error">{problems.length > 0 ? problems.join(' ') : errorMessage(add.error)}</span>
        </Alert>
      )}
    </Card>
  )
}
