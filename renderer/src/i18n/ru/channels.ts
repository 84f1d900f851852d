/** The channels on the desk: a client's follow-up, a connector that fails. */
export const channels = {
  followUp: {
    title: 'Клиент ответил: {{number}}',
    untitled: 'Клиент ответил по обращению',
    open: 'Открыть',
  },
  health: {
    failing: 'Канал «{{name}}» ({{address}}) не работает: {{detail}}',
    consequence: 'Письма клиентов сейчас не забираются, ответы ждут в очереди и уйдут, когда канал заработает.',
    whatAdmin:
      'Что сделать: проверьте адрес почтового сервера, сеть и пароль ящика. Неверный пароль меняется так: npm run server -- channel disable --channel {{address}}, затем channel add email … с верным паролем (README, «Email channel»).',
    consequenceTelegram:
      'Сообщения клиентов из Telegram сейчас не принимаются, ответы ждут в очереди и уйдут, когда канал заработает.',
    whatAdminTelegram:
      'Что сделать: проверьте токен бота и доступ сервера к Bot API (а в режиме вебхука — что публичный адрес сервера доступен из интернета). Неверный токен меняется так: npm run server -- channel disable --channel {{address}}, затем channel add telegram … с верным токеном (README, «Telegram channel»).',
    whatHead: 'Что сделать: сообщите администратору сервера, текст ошибки выше.',
    crmConsequence:
      'Справочник не обновляется из CRM, обращения из CRM придут, когда канал заработает; комментарии в CRM ждут в очереди и уйдут, когда канал заработает.',
    crmWhatAdmin:
      'Что сделать: создайте входящий вебхук портала заново (права на CRM) и подключите его: npm run server -- channel disable --channel {{address}}, затем channel add bitrix24 … (README, «Bitrix24 channel»).',
  },
};
