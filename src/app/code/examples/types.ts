/** A Code panel example: programs as they would sit in terminals side by side, and a short lesson. */
export interface CodeExample {
  id: string;
  programs: { id: string; name: string; source: string; args: string }[];
}
