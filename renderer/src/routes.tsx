// The screens by route (all in the hash: routing/hashLocation.ts). A route the role may not use
// is absent (not found), not disabled.
import { Redirect, Route, Switch } from 'wouter';
import { isQueue } from './features/queues/view';
import { useAbilities } from './features/session/session';
import { ConflictsScreen } from './screens/Conflicts/ConflictsScreen';
import { AuditScreen } from './screens/Audit/AuditScreen';
import { DashboardScreen } from './screens/Dashboard/DashboardScreen';
import { DesignerScreen } from './screens/Designer/DesignerScreen';
import { DesignersScreen } from './screens/Designer/DesignersScreen';
import { FlagScreen } from './screens/Flag/FlagScreen';
import { FlagsScreen } from './screens/Flags/FlagsScreen';
import { ItemScreen } from './screens/Item/ItemScreen';
import { JournalScreen } from './screens/Journal/JournalScreen';
import { NotFoundScreen } from './screens/NotFound/NotFoundScreen';
import { QueueScreen } from './screens/Queue/QueueScreen';
import { SettingsScreen } from './screens/Settings/SettingsScreen';
import { homePath } from './screens/Shell/nav';

function decoded(param: string | undefined): string {
  if (param === undefined) return '';
  try {
    return decodeURIComponent(param);
  } catch {
    return param;
  }
}

function QueueRoute({ queue: raw, id }: { queue: string | undefined; id?: string }) {
  const abilities = useAbilities();
  const queue = decoded(raw);
  if (!isQueue(queue) || !abilities.queues.includes(queue)) return <NotFoundScreen what="This queue is not open to your role" />;
  if (queue === 'flags') return id === undefined ? <FlagsScreen /> : <FlagScreen key={id} id={decoded(id)} inQueue />;
  if (id !== undefined) return <ItemScreen key={id} id={decoded(id)} queue={queue} />;
  return <QueueScreen key={queue} queue={queue} />;
}

export function Routes() {
  const abilities = useAbilities();
  return (
    <Switch>
      <Route path="/">
        <Redirect to={homePath(abilities)} replace />
      </Route>
      <Route path="/queues/:queue">{(p) => <QueueRoute queue={p.queue} />}</Route>
      <Route path="/queues/:queue/:id">{(p) => <QueueRoute queue={p.queue} id={p.id} />}</Route>
      <Route path="/items/submission/:id">{(p) => <ItemScreen key={p.id} id={decoded(p.id)} />}</Route>
      <Route path="/items/flag/:id">{(p) => (abilities.queues.includes('flags') ? <FlagScreen key={p.id} id={decoded(p.id)} inQueue={false} /> : <NotFoundScreen what="Flags are not open to your role" />)}</Route>
      <Route path="/conflicts">
        <ConflictsScreen />
      </Route>
      <Route path="/settings">
        <SettingsScreen />
      </Route>
      <Route path="/journal">
        <JournalScreen />
      </Route>
      <Route path="/designers">
        <DesignersScreen />
      </Route>
      <Route path="/designers/:id">{(p) => <DesignerScreen key={p.id} id={decoded(p.id)} />}</Route>
      <Route path="/dashboard">
        <DashboardScreen />
      </Route>
      {abilities.audit && (
        <Route path="/audit">
          <AuditScreen />
        </Route>
      )}
      <Route>
        <NotFoundScreen />
      </Route>
    </Switch>
  );
}
