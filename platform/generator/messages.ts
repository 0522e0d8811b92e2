// Messages between designers and customers: filled texts in the conversation's language, short
// project threads, and the contact times R12's "rating raised after contact" looks back on.
import { DEFAULT_POLICY } from '../../core/policy';
import { DAY_MS, HOUR_MS, MINUTE_MS } from '../../core/time';
import type { CustomerRec, DesignerRec, ProjectRec } from './model';
import { fill, type Lang } from './text/fill';
import { MESSAGES, SLOTS, type MessageKind } from './text/messages';
import type { World } from './world';

const RAISE_WITHIN_MS = DEFAULT_POLICY.detectors.ratingRaisedAfterContact.withinHours * HOUR_MS;

/** "Hi, could you…" rather than "Hi, Could you…"; "I" stays a capital. */
function lowerFirstWord(text: string): string {
  const match = /\p{Lu}/u.exec(text);
  if (match === null || match.index > 1) return text;
  const rest = text.slice(match.index + 1);
  if (rest === '' || /^[\s'’]/u.test(rest)) return text;
  return text.slice(0, match.index) + match[0].toLowerCase() + rest;
}

/** Contacts older than R12's 72 hours can no longer matter; dropping them keeps a long live run bounded. */
export function forgetOldContacts(world: World): void {
  for (const [pair, at] of world.lastDesignerMessage) {
    if (world.now - at > RAISE_WITHIN_MS) world.lastDesignerMessage.delete(pair);
  }
  world.at(world.now + DAY_MS, () => forgetOldContacts(world));
}

/** Filled message text in the language of the conversation, with a greeting or sign-off now and then. */
export function messageText(world: World, kind: MessageKind, lang: Lang, lead?: MessageKind): string {
  const rng = world.rng;
  const pools = SLOTS[lang];
  let body = fill(rng, rng.pick(MESSAGES[lang][kind]), pools);
  if (lead !== undefined) body = `${fill(rng, rng.pick(MESSAGES[lang][lead]), pools)} ${body}`;
  if (rng.chance(0.35)) {
    const greeting = fill(rng, rng.pick(pools.greet ?? ['']), pools);
    body = `${greeting} ${greeting.endsWith(',') ? lowerFirstWord(body) : body}`;
  }
  if (rng.chance(0.3)) body = `${body} ${fill(rng, rng.pick(pools.sign ?? ['']), pools)}`;
  return body;
}

export function sendMessage(
  world: World,
  designer: DesignerRec,
  customer: CustomerRec,
  fromRole: 'designer' | 'customer',
  body: string,
  where: { projectId?: string; contractId?: string },
  lang: Lang,
): string {
  world.ids.message += 1;
  const id = `m${world.ids.message}`;
  world.tally.messages += 1;
  world.messagesByLang[lang] += 1;
  if (fromRole === 'designer') world.lastDesignerMessage.set(world.pairKey(designer, customer), world.now);
  world.emit({
    at: world.iso(),
    type: 'message.sent',
    data: {
      id,
      designerId: designer.id,
      customerId: customer.id,
      fromRole,
      body,
      ...(where.projectId !== undefined ? { projectId: where.projectId } : {}),
      ...(where.contractId !== undefined ? { contractId: where.contractId } : {}),
    },
  });
  return id;
}

/** A short exchange on a project between its customer and one of its designers. */
export function projectThread(world: World, project: ProjectRec): void {
  const subs = project.subs;
  if (subs.length === 0) return;
  const sub = world.rng.pick(subs);
  const designer = sub.designer;
  const customer = project.customer;
  if (customer.scripted) return;
  const lang = customer.lang;
  const where = { projectId: project.id };
  const rng = world.rng;
  const reply = (after: number, role: 'designer' | 'customer', kind: MessageKind): void => {
    world.at(world.now + after, () => sendMessage(world, designer, customer, role, messageText(world, kind, lang), where, lang));
  };
  const roll = rng.next();
  if (roll < 0.42) {
    sendMessage(world, designer, customer, 'customer', messageText(world, 'customerFeedback', lang), where, lang);
    if (rng.chance(0.6)) reply(rng.between(5 * MINUTE_MS, 10 * HOUR_MS), 'designer', rng.chance(0.5) ? 'designerRevisionReply' : 'designerUpdate');
  } else if (roll < 0.77) {
    sendMessage(world, designer, customer, 'designer', messageText(world, rng.chance(0.5) ? 'designerQuestion' : 'designerUpdate', lang), where, lang);
    if (rng.chance(0.6)) reply(rng.between(10 * MINUTE_MS, 12 * HOUR_MS), 'customer', 'customerAnswer');
  } else if (roll < 0.87) {
    sendMessage(world, designer, customer, 'designer', messageText(world, 'designerTricky', lang), where, lang);
    if (rng.chance(0.4)) reply(rng.between(10 * MINUTE_MS, 12 * HOUR_MS), 'customer', 'customerAnswer');
  } else {
    sendMessage(world, designer, customer, 'customer', messageText(world, 'customerTricky', lang), where, lang);
    if (rng.chance(0.4)) reply(rng.between(5 * MINUTE_MS, 10 * HOUR_MS), 'designer', 'designerUpdate');
  }
}
