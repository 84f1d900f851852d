export const helpText = `PASS24 Support Desk — центральный сервер синхронизации

Запуск:
  npm run server [-- start] [--port 8787] [--host 127.0.0.1] [--data .data/central]
                 [--cors-origin https://desk.example.ru,...] [--log-level info]

Команды:
  user add --login L --name "Имя" --role agent|head|admin
                               пароль из stdin, если он передан через конвейер,
                               иначе создаётся и печатается один раз
  user list                    список учётных записей
  user disable --login L       отключить (сеансы завершаются)
  user enable --login L        включить снова
  apikey add --channel email|messenger|crm|phone|web
                               ключ API канала для /api/intake/tickets, печатается один раз
  channel add email --imap-host H [--imap-port 143] [--imap-tls] --smtp-host H [--smtp-port 587]
                    [--smtp-tls] --user LOGIN --from ADDRESS [--name "Имя"] [--mailbox INBOX]
                               почтовый ящик канала; пароль только из stdin
  channel list                 каналы и их состояние (без паролей)
  channel disable|enable --channel ID|АДРЕС
  backup --out FILE            резервная копия (JSON Lines; .gz — со сжатием)
  restore --in FILE            восстановление в пустое рабочее пространство
  seed --demo [--scale N]      демо-данные: 12 месяцев обращений, клиенты, БЗ, скрипты, учётные записи

Каждая команда принимает --data DIR (PGlite) или переменную DATABASE_URL=postgres://... (PostgreSQL).
Переменные: DATABASE_URL, PASS24_CORS_ORIGINS, PASS24_TOKEN_TTL_DAYS, LOG_LEVEL,
            PASS24_CHANNEL_LEASE_SECONDS (сколько секунд канал упавшего экземпляра ждёт другого, 30).

Central sync endpoint. Commands: start (default), user add|list|disable|enable, apikey add, channel,
backup, restore, seed --demo. --data DIR for PGlite or DATABASE_URL for PostgreSQL.
`;
