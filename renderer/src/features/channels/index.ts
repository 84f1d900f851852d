export { ChannelHealthBanner } from './ChannelHealthBanner.tsx';
export { FollowUpNotices } from './FollowUpNotices.tsx';
