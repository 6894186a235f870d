import { cancelOfferOperation } from '@azlro/lro';
import type { Command } from '../args.js';
import { partnerClient } from '../clients.js';
import type { CommandContext } from '../context.js';
import { follow } from '../follow.js';
import type { Report } from '../report.js';
import { Traffic } from '../traffic.js';

type PartnerCancel = Extract<Command, { name: 'partner cancel' }>;

/** `azlro partner cancel`: POST …/cancel; a 202 is followed at its Location until the operation says so. */
export async function run(command: PartnerCancel, ctx: CommandContext, traffic = new Traffic()): Promise<Report> {
  const client = await partnerClient(ctx, traffic);
  const { publisherId, offerId, notificationEmails } = command;
  return follow(ctx, {
    endpoint: client.endpoint,
    operation: 'partner cancel',
    traffic,
    start: (options) => cancelOfferOperation(client, { publisherId, offerId, ...(notificationEmails ? { notificationEmails } : {}) }, options),
    notes: (result) => (result === undefined ? ['canceled at once: the service answered 200, there was nothing to follow'] : []),
  });
}
