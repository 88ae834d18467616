// How a viewer shows in a map's header: the initials of their name in a circle whose colour comes
// from their id (the same person, the same colour, on every screen), dark enough for white text.

/** "Léa Durand" -> "LD", "camille" -> "C", "Jean-Luc Picard" -> "JP"; letters as the reader sees them. */
export function initialsOf(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return '?';
  const first = (word: string) => Array.from(word)[0]!.toLocaleUpperCase();
  return words.length === 1 ? first(words[0]!) : first(words[0]!) + first(words[words.length - 1]!);
}

/** A hue from the id (a string hash), as a CSS colour with lightness 30 %: white text stays readable. */
export function avatarColour(id: string): string {
  let hash = 0;
  for (let i = 0; i < id.length; i++) hash = (hash * 31 + id.charCodeAt(i)) | 0;
  return `hsl(${Math.abs(hash) % 360} 45% 30%)`;
}
