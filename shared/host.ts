/**
 * The contract between the renderer and whatever hosts it: the Electron preload
 * (`window.desk`, electron/preload) or the browser (renderer/src/host/web.ts).
 * Both implementations are checked against it with `satisfies Host`.
 * Only plain, structured-cloneable data crosses it.
 */

export type Locale = 'ru' | 'en';
export type ThemeName = 'light' | 'dark' | 'auto';

/** An SLA metric that can raise an alarm. */
export type AlarmMetric = 'arrival' | 'firstContact' | 'resolution';

/** The moment on a metric's clock that an alarm marks. */
export type AlarmStage = 'arrived' | 'warning' | 'breached';

/** One upcoming alarm, computed by the renderer from the SLA engine. */
export interface AlarmSpec {
  ticketId: string;
  /** The human ticket number, or null while the ticket is not yet synced. */
  ticketNumber: string | null;
  metric: AlarmMetric;
  stage: AlarmStage;
  /**
   * Absolute instant (epoch ms) at which the alarm is due, on the host's own wall clock: the
   * renderer computes SLA instants on server time and subtracts the clock offset before sending.
   */
  at: number;
  /** Emergencies use critical urgency, never time out, and play a sound. */
  severity: 'critical' | 'normal';
  title: string;
  body: string;
}

/** Key of an alarm: each (ticket, metric, stage) fires once. */
export function alarmKey(a: Pick<AlarmSpec, 'ticketId' | 'metric' | 'stage'>): string {
  return `${a.ticketId}:${a.metric}:${a.stage}`;
}

export interface NotifyRequest {
  title: string;
  body: string;
  ticketId?: string;
  severity: 'critical' | 'normal';
  /** True when the alarm fires after its due instant (e.g. the machine slept through it). */
  late?: boolean;
}

/** An alarm that the host has just raised (reported back so the UI can show a banner). */
export interface FiredAlarm extends AlarmSpec {
  firedAt: number;
  late: boolean;
  /** False when the system cannot show native notifications; the UI then shows its banner. */
  shownNatively: boolean;
}

export interface WindowBounds {
  x?: number;
  y?: number;
  width: number;
  height: number;
  maximized?: boolean;
}

/** Alarm thresholds in minutes. Editable in Настройки. */
export interface AlarmThresholds {
  /** Warn when first contact of an emergency is this many minutes away. */
  emergencyContactWarnBefore: number;
  /** Warn when resolution of an emergency is this many minutes away. */
  emergencyResolutionWarnBefore: number;
  /** Warn when resolution of a standard or consultation ticket is this many working minutes away. */
  standardResolutionWarnBefore: number;
  /** Play a sound with emergency alarms. */
  sound: boolean;
}

export const defaultAlarmThresholds: AlarmThresholds = {
  emergencyContactWarnBefore: 5,
  emergencyResolutionWarnBefore: 30,
  standardResolutionWarnBefore: 60,
  sound: true,
};

/** Per-user settings the host keeps (electron-store on the desktop, localStorage on the web). */
export interface Settings {
  locale: Locale;
  theme: ThemeName;
  /** Central endpoint URL; empty means the embedded local endpoint. */
  endpointUrl: string;
  /** Login of the last signed-in agent (the token is kept apart, encrypted). */
  lastLogin: string;
  /** The agent is on shift and receives arrival alarms. */
  onShift: boolean;
  alarms: AlarmThresholds;
  /** Visible queue columns, in order. */
  queueColumns: string[];
  /** Column widths by column id. */
  queueColumnWidths: Record<string, number>;
  /** The period «Отчёты» showed last (null: the default, this month). */
  reportPeriod: ReportPeriodSetting | null;
}

export const reportPeriodChoices = ['thisWeek', 'lastWeek', 'month', 'quarter', 'custom'] as const;

/** A preset period, or `custom` with its own dates (YYYY-MM-DD; kept for a preset too, for going back to custom). */
export interface ReportPeriodSetting {
  choice: (typeof reportPeriodChoices)[number];
  from: string;
  to: string;
}

export const defaultSettings: Settings = {
  locale: 'ru',
  theme: 'light',
  endpointUrl: '',
  lastLogin: '',
  onShift: true,
  alarms: defaultAlarmThresholds,
  queueColumns: [],
  queueColumnWidths: {},
  reportPeriod: null,
};

export interface AppInfo {
  name: string;
  version: string;
  /** 'electron' or 'web'. */
  kind: 'electron' | 'web';
  platform: string;
  /** Whether native notifications are supported here (false: the in-app banner is used). */
  notificationsSupported: boolean;
  /** Why notifications are unsupported, in plain words for Настройки; empty when supported. */
  notificationsUnsupportedReason: string;
}

/** The embedded central endpoint that the host started, when no endpoint is configured. */
export interface EmbeddedEndpoint {
  url: string;
  /** Demo credentials the host created on first run, for the automatic sign-in. */
  login: string;
  password: string;
}

export type Unsubscribe = () => void;

/**
 * The desktop app's updates (electron-updater, the generic feed the central endpoint serves at
 * /updates/): checked at start and daily, downloaded in the background, installed when the app
 * restarts; a restart now only when the user asks for it.
 */
export interface UpdateStatus {
  /**
   * 'unsupported': no updates here (the web, a development build, the embedded endpoint);
   * 'idle': nothing checked yet; 'current': this is the newest version; 'ready': downloaded,
   * installed at the next start.
   */
  state: 'unsupported' | 'idle' | 'checking' | 'current' | 'downloading' | 'ready' | 'error';
  /** The version found ('downloading', 'ready'). */
  version: string | null;
  /** Why the last check failed ('error'), in plain words. */
  error: string | null;
  /** When the last check ended (epoch ms), or null. */
  checkedAt: number | null;
}

export interface Host {
  readonly kind: 'electron' | 'web';
  appInfo(): Promise<AppInfo>;

  getSettings(): Promise<Settings>;
  /** Merges the patch into the stored settings and returns the result. */
  setSettings(patch: Partial<Settings>): Promise<Settings>;

  /** The auth token for the central endpoint (encrypted at rest where the platform allows). */
  getToken(): Promise<string | null>;
  setToken(token: string | null): Promise<void>;

  /** Replaces the whole list of upcoming alarms. */
  scheduleAlarms(alarms: AlarmSpec[]): Promise<void>;
  /** Raises one notification now. */
  notify(request: NotifyRequest): Promise<void>;
  /** Number of emergencies waiting for first contact: tray tooltip, badge, taskbar flash. */
  setAttention(count: number): Promise<void>;

  /** A notification was clicked (or the tray asked): open this ticket. */
  onOpenTicket(cb: (ticketId: string) => void): Unsubscribe;
  /** The machine woke up or was unlocked: recompute what may have been missed. */
  onPowerResume(cb: () => void): Unsubscribe;
  /** An alarm fired (so the UI can show its banner and play the sound if needed). */
  onAlarmFired(cb: (alarm: FiredAlarm) => void): Unsubscribe;

  /** Opens http(s), mailto: and tel: links outside the app; anything else is refused. */
  openExternal(url: string): Promise<boolean>;

  /** The embedded endpoint started by the host, or null when the user configured one. */
  embeddedEndpoint(): Promise<EmbeddedEndpoint | null>;

  /** Whether the app starts when the user signs in to the computer; null where the host cannot (the web). */
  getLaunchAtLogin(): Promise<boolean | null>;
  /** Turns starting at sign-in on or off; returns the state now in force (null: not possible here). */
  setLaunchAtLogin(enabled: boolean): Promise<boolean | null>;

  updateStatus(): Promise<UpdateStatus>;
  /** Checks the feed now (Настройки → «Проверить обновления»). */
  checkForUpdates(): Promise<UpdateStatus>;
  /** Restarts now and installs the downloaded update: only on the user's explicit request. */
  installUpdateNow(): Promise<void>;
  onUpdateStatus(cb: (status: UpdateStatus) => void): Unsubscribe;
}

export const unsupportedUpdates: UpdateStatus = { state: 'unsupported', version: null, error: null, checkedAt: null };

/** Schemes that openExternal accepts. */
export const externalSchemes: readonly string[] = ['http:', 'https:', 'mailto:', 'tel:'];

export function isAllowedExternalUrl(url: string): boolean {
  const scheme = /^([a-z][a-z0-9+.-]*:)/i.exec(url.trim())?.[1]?.toLowerCase();
  if (!scheme || !externalSchemes.includes(scheme)) return false;
  // http(s) needs a host; mailto: and tel: need something after the colon.
  if (scheme === 'http:' || scheme === 'https:') return /^https?:\/\/[^/\s]+/i.test(url.trim());
  return url.trim().length > scheme.length;
}
