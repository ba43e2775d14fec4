import { useSearchParam } from '../navigation'
import { FormSkeleton } from './FormSkeleton'
import { LoginForm } from './LoginForm'
import { sanitizeNext } from './nextPath'
import { Redirect } from './Redirect'
import { useMe } from './useMe'

/** /login: the sign-in form, or straight on to `next` for someone already signed in. */
export function LoginPage() {
  const me = useMe()
  const next = sanitizeNext(useSearchParam('next'))

  if (me.isPending) return <FormSkeleton />
  if (me.data) return <Redirect to={next} />
  return <LoginForm next={next} />
}
