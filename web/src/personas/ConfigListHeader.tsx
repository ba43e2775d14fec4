import { Download, Plus } from 'lucide-react'
import type { NamedConfigClient } from '../api/namedConfigs'
import { Button } from '../components/Button'
import { Link } from '../components/Link'
import { ImportConfigsButton } from './ImportConfigsButton'

export interface ConfigListHeaderProps {
  title: string
  client: NamedConfigClient<unknown, never>
  /** What one item is called: "persona", "keyword set". */
  noun: string
  newPath: string
  /** Test ids: import-{plural}, export-{plural}, new-{singular}. */
  testIds: { plural: string; singular: string }
}

/** A named-configuration list's title with its Import, Export and New buttons. */
export function ConfigListHeader({ title, client, noun, newPath, testIds }: ConfigListHeaderProps) {
  return (
    <div className="flex flex-wrap items-center justify-between gap-3">
      <h1 className="text-lg font-semibold">{title}</h1>
      <div className="flex flex-wrap items-center gap-2">
        <ImportConfigsButton importMany={client.importMany} listKey={client.keys.list()} noun={noun} testId={`import-${testIds.plural}`} />
        <Button asChild>
          <a href={client.exportUrl} download data-testid={`export-${testIds.plural}`}><Download aria-hidden /> Export</a>
        </Button>
        <Button variant="primary" asChild>
          <Link to={newPath} data-testid={`new-${testIds.singular}`}><Plus aria-hidden /> New {noun}</Link>
        </Button>
      </div>
    </div>
  )
}
