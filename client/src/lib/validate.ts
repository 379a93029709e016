// Quick checks before a form is sent; the API validates again and its message wins.
export function checkEmail(value: string): string | null {
  const v = value.trim();
  if (!v) return "Enter your email address.";
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v)) return "Enter a valid email address.";
  return null;
}

export function checkNewPassword(value: string): string | null {
  if (value.length < 10) return "Use at least 10 characters.";
  if (value.length > 1024) return "Use at most 1024 characters.";
  return null;
}

export function checkRequired(value: string, message: string): string | null {
  return value.trim() ? null : message;
}
