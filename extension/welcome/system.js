// Which operating system the browser runs on, in the three words the welcome and helper pages use.

/** 'linux', 'mac', 'win' or 'other', from navigator.userAgentData.platform or navigator.platform. */
export function systemOf(platform) {
  const name = String(platform).toLowerCase();
  if (name.includes('mac')) return 'mac';
  if (name.includes('win')) return 'win';
  if (name.includes('linux') || name.includes('x11') || name.includes('cros')) return 'linux';
  return 'other';
}
