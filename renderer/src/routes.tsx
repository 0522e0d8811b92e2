// The screens by route (all in the hash: routing/hashLocation.ts). Part-2 screens show a clear
// "coming" state; a route the role may not use is absent (not found), not disabled.
import { IconBook2, IconChartBar, IconShieldCheck, IconUsers } from '@tabler/icons-react';
import { Redirect, Route, Switch } from 'wouter';
import { isQueue } from './features/queues/view';
import { useAbilities } from './features/session/session';
import { ComingScreen } from './screens/Coming/ComingScreen';
import { ConflictsScreen } from './screens/Conflicts/ConflictsScreen';
import { FlagScreen } from './screens/Flag/FlagScreen';
import { FlagsScreen } from './screens/Flags/FlagsScreen';
import { ItemScreen } from './screens/Item/ItemScreen';
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
        <ComingScreen
          title="Decision journal"
          icon={IconBook2}
          what="Every decision made on this machine — who, when, which reason and policy, and the platform’s answer — filterable and exportable as CSV, with the journal’s hash chain verified."
          meanwhile="Until then, each decision confirms in a toast, and anything the platform did not accept waits under Conflicts."
        />
      </Route>
      <Route path="/designers/:id?">
        <ComingScreen
          title="Designers"
          icon={IconUsers}
          what="Designer profiles — ratings per category with their trend, verification and account history, past decisions and flags — arrive with the next part of the console."
          meanwhile="Each item already shows its designer’s ratings, verification and history on the right."
        />
      </Route>
      <Route path="/dashboard">
        <ComingScreen title="Dashboard" icon={IconChartBar} what="Queue sizes over time, 48-hour SLA breaches and decisions per hour, as charts, arrive with the next part of the console." meanwhile="The live queue counts are in the navigation." />
      </Route>
      {abilities.audit && (
        <Route path="/audit">
          <ComingScreen title="Audit" icon={IconShieldCheck} what="The offline audit (R13) over a chosen period — findings with the rule and the record behind each, exported as CSV and a printable report — arrives with the next part of the console." />
        </Route>
      )}
      <Route>
        <NotFoundScreen />
      </Route>
    </Switch>
  );
}
