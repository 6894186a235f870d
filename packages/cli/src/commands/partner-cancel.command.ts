import type { CliCommand, CommandModule } from '../cli-command.js';
import { CONNECTION_FLAGS } from '../flags.js';

/** `azlro partner cancel`. */
export const partnerCancel = {
  spec: {
    name: 'partner cancel',
    summary: 'cancel the operation running on a Cloud Partner Portal offer and wait until it is canceled',
    description: 'POST /api/publishers/{p}/offers/{o}/cancel: 200 when canceled at once, else 202 followed at its Location.',
    flags: [
      { name: 'publisher', value: '<id>', required: true, description: 'publisher id' },
      { name: 'offer', value: '<id>', required: true, description: 'offer id' },
      { name: 'notification-emails', value: '<a@x,b@y>', repeatable: true, description: 'who the portal e-mails about the cancellation; comma-separated, repeatable' },
      ...CONNECTION_FLAGS,
    ],
    examples: [
      { comment: 'cancel and wait', command: 'azlro partner cancel --publisher contoso --offer my-offer' },
      { comment: 'tell two people, print only the final status', command: 'azlro partner cancel --publisher contoso --offer my-offer --notification-emails a@contoso.com --notification-emails b@contoso.com -o tsv --query status' },
    ],
  },
  parse: ({ values }) => {
    const lists = values.all('notification-emails');
    const emails = lists.flatMap((list) => list.split(',')).map((e) => e.trim()).filter(Boolean);
    return {
      name: 'partner cancel',
      publisherId: values.required('publisher'),
      offerId: values.required('offer'),
      ...(lists.length ? { notificationEmails: emails } : {}),
    };
  },
  load: (): Promise<CommandModule> => import('./partner-cancel.js'),
  operation: true,
  resumes: 'cloudpartner.cancelOperation',
} as const satisfies CliCommand<{ name: 'partner cancel' } & Record<string, unknown>>;
