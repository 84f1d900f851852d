export const helpText = `PASS24 Support Desk — центральный сервер синхронизации

Запуск:
  npm run server [-- start] [--port 8787] [--host 127.0.0.1] [--data .data/central]
                 [--cors-origin https://desk.example.ru,...] [--log-level info]
                 [--trust-proxy 127.0.0.1,...]  адрес клиента берётся из X-Forwarded-For
                                                только от этих прокси (true — от любого)
                 [--tls-cert cert.pem --tls-key key.pem]  HTTPS
                 [--insecure-http]              разрешить HTTP на адресе не 127.0.0.1
                 [--session-idle-days 7]        сеанс без запросов столько дней завершается
                 [--updates DIR]                раздавать обновления приложения из папки
                                                артефактов electron-builder по /updates/

Команды:
  user add --login L --name "Имя" --role agent|head|admin
                               пароль из stdin, если он передан через конвейер,
                               иначе создаётся и печатается один раз
  user list                    список учётных записей
  user disable --login L       отключить (сеансы завершаются)
  user enable --login L        включить снова
  user reset-password --login L
                               новый пароль (из stdin или созданный), сеансы завершаются
  user role --login L --role agent|head|admin
                               сменить роль (сеансы завершаются)
  apikey add --channel email|messenger|crm|phone|web
                               ключ API канала для /api/intake/tickets, печатается один раз
  apikey list                  ключи API: id, канал, когда создан, отозван ли
  apikey revoke --id ID        отозвать ключ API
  channel add email --imap-host H [--imap-port 143] [--imap-tls] --smtp-host H [--smtp-port 587]
                    [--smtp-tls] --user LOGIN --from ADDRESS [--name "Имя"] [--mailbox INBOX]
                               почтовый ящик канала; пароль только из stdin
  channel add telegram [--token TOKEN] [--api-root URL] [--name "Имя"] [--webhook-url URL]
                               бот Telegram; токен лучше из stdin (параметр виден в ps);
                               без --webhook-url опрос (long polling), с ним — вебхук на
                               публичный адрес сервера URL
  channel add bitrix24 [--webhook URL] [--app-token ТОКЕН] [--desk-url URL] [--sync-minutes 5]
                    [--activity-providers CRM_WEBFORM,…] [--name "Имя"]
                               портал Битрикс24: справочник компаний, обращения из CRM,
                               комментарии в CRM; адрес вебхука лучше из stdin
  channel list                 каналы и их состояние (без паролей)
  channel disable|enable --channel ID|АДРЕС
  backup --out FILE            резервная копия (JSON Lines; .gz — со сжатием)
  restore --in FILE [--with-accounts]
                               восстановление в пустое рабочее пространство; учётные записи
                               и ключи API копии — только с --with-accounts
  seed --demo [--scale N]      демо-данные: 12 месяцев обращений, клиенты, БЗ, скрипты, учётные записи
  report --from ГГГГ-ММ-ДД --to ГГГГ-ММ-ДД [--agent LOGIN] --format json|csv|xlsx --out FILE
                               показатели (KPI) за период, по команде или агенту (docs/kpi.md)
  kb export DIR                статьи базы знаний в папку: файл Markdown на статью, поля во front matter
  kb import DIR --as LOGIN     статьи из папки *.md от имени руководителя или администратора;
                               негодный файл пропускается с причиной, остальные импортируются

Изменения учётных записей, ключей и каналов записываются в журнал администратора.
Каждая команда принимает --data DIR (PGlite) или переменную DATABASE_URL=postgres://... (PostgreSQL).
Переменные: DATABASE_URL, PASS24_CORS_ORIGINS, PASS24_TOKEN_TTL_DAYS, PASS24_TRUST_PROXY,
  PASS24_SESSION_IDLE_DAYS, PASS24_UPDATES_DIR, LOG_LEVEL,
  PASS24_CHANNEL_LEASE_SECONDS (сколько секунд канал упавшего экземпляра ждёт другого, 30).

Central sync endpoint. Commands: start (default), user add|list|disable|enable|reset-password|role,
apikey add|list|revoke, channel add|list|disable|enable, backup, restore [--with-accounts], seed --demo,
report --from --to [--agent] --format --out, kb export DIR, kb import DIR --as LOGIN. --data DIR for PGlite or DATABASE_URL for PostgreSQL.
--updates DIR serves desktop updates (electron-builder's generic provider layout) at /updates/.
`;
