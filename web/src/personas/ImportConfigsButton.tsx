import { useMutation, useQueryClient, type QueryKey } from '@tanstack/react-query'
import { Upload } from 'lucide-react'
import { useRef, useState } from 'react'
import { ApiError, errorMessage } from '../api/client'
import { Alert } from '../components/Alert'
import { Button } from '../components/Button'
import { importProblems } from './personaErrors'

/** The file's items by position, to name them in error messages ("#3 “Lab”"). */
function namesIn(parsed: unknown): string[] {
  return Array.isArray(parsed)
    ? parsed.map((item) => (item && typeof item === 'object' && 'name' in item && typeof item.name === 'string' ? item.name : ''))
    : []
}

export interface ImportConfigsButtonProps {
  /** Sends the parsed file; the server creates every item in it or none, so a failed import changes nothing. */
  importMany: (parsed: unknown) => Promise<readonly unknown[]>
  /** The list to refetch after an import. */
  listKey: QueryKey
  /** What one item is called: "persona", "keyword set". */
  noun: string
  testId: string
}

/** Uploads an exported JSON file of named configurations (personas, keyword sets) and reports every problem by item. */
export function ImportConfigsButton({ importMany, listKey, noun, testId }: ImportConfigsButtonProps) {
  const queryClient = useQueryClient()
  const input = useRef<HTMLInputElement>(null)
  // The problems refer to personas by position: keep the file's names to say which persona each one is.
  const [fileNames, setFileNames] = useState<string[]>([])
  const importFile = useMutation({
    meta: { errorShownInline: true },
    mutationFn: async (file: File) => {
      let parsed: unknown
      try {
        parsed = JSON.parse(await file.text())
      } catch {
        throw new Error(`${file.name} is not JSON. Import a file made by Export.`)
      }
      setFileNames(namesIn(parsed))
      return importMany(parsed)
    },
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: listKey }),
    onSettled: () => {
      if (input.current) input.current.value = ''
    },
  })

  const error = importFile.error
  const problems = error instanceof ApiError ? importProblems(error.problem.errors) : []

  return (
    <>
      <input ref={input} type="file" accept=".json,application/json" className="hidden" data-testid={`${testId}-file`}
        onChange={(e) => {
          const file = e.target.files?.[0]
          if (file) importFile.mutate(file)
        }} />
      <Button onClick={() => input.current?.click()} disabled={importFile.isPending} data-testid={testId}>
        <Upload aria-hidden /> {importFile.isPending ? 'Importing…' : 'Import'}
      </Button>
      {(importFile.isSuccess || importFile.isError) && (
        <div className="basis-full">
          {importFile.isSuccess && (
            <Alert tone="success" onDismiss={() => importFile.reset()}>
              Imported {importFile.data.length} {noun}{importFile.data.length === 1 ? '' : 's'}.
            </Alert>
          )}
          {importFile.isError && (
            <Alert tone="error" title="Nothing was imported" onDismiss={() => importFile.reset()}>
              {problems.length > 0 ? (
                <ul className="list-disc pl-4" data-testid="import-problems">
                  {problems.map((p, i) => (
                    <li key={i}>
                      {p.index === null ? 'The file' : `#${p.index + 1}${fileNames[p.index] ? ` “${fileNames[p.index]}”` : ''}`}
                      {p.path && <span className="font-mono">{` ${p.path}`}</span>}: {p.message}
                    </li>
                  ))}
                </ul>
              ) : (
                errorMessage(error)
              )}
            </Alert>
          )}
        </div>
      )}
    </>
  )
}
