import type { channels as ru } from '../ru/channels.ts';
import type { EnglishOf } from '../messageShape.ts';

export const channels: EnglishOf<typeof ru> = {
  followUp: {
    title: 'Client replied: {{number}}',
    untitled: 'Client replied on a ticket',
    open: 'Open',
  },
  health: {
    failing: 'Channel “{{name}}” ({{address}}) is not working: {{detail}}',
    consequence: "Clients' mail is not being fetched; replies wait in the queue and go out once the channel works again.",
    whatAdmin:
      'What to do: check the mail server address, the network and the mailbox password. A wrong password is changed like this: npm run server -- channel disable --channel {{address}}, then channel add email … with the right password (README, “Email channel”).',
    consequenceTelegram:
      "Clients' Telegram messages are not being received; replies wait in the queue and go out once the channel works again.",
    whatAdminTelegram:
      'What to do: check the bot token and the server’s access to the Bot API (in webhook mode, also that the server’s public address is reachable from the internet). A wrong token is changed like this: npm run server -- channel disable --channel {{address}}, then channel add telegram … with the right token (README, “Telegram channel”).',
    whatHead: 'What to do: tell the server administrator, with the error above.',
    crmConsequence:
      'The directory is not updated from the CRM and its tickets arrive once the channel works again; comments for the CRM wait in the queue and go out once the channel works again.',
    crmWhatAdmin:
      'What to do: create the portal’s incoming webhook again (with CRM rights) and connect it: npm run server -- channel disable --channel {{address}}, then channel add bitrix24 … (README, “Bitrix24 channel”).',
  },
};
