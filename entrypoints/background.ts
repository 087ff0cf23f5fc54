import { defineBackground } from 'wxt/utils/define-background';

// The background owns only what must outlive the panel: expiry alarms and the badge (issue 4).
export default defineBackground(() => {});
