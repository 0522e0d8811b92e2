// Submission states in the few words a table cell has room for (the rule core's titles are the
// long form, shown on the item).
const WORDS: Record<string, string> = {
  pending_review: 'Waiting for review',
  held: 'Held',
  scheduled: 'Scheduled',
  visible: 'Visible',
  rejected: 'Rejected',
  expired: 'Expired',
  withdrawn: 'Withdrawn',
};

export function statusWord(status: string): string {
  return WORDS[status] ?? status.replace(/_/g, ' ');
}
