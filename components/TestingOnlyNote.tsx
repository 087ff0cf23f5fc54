/** Said once, visibly: replaying a web session's token is a testing shortcut, not an integration. */
export function TestingOnlyNote() {
  return (
    <p className="testing-note" data-testid="testing-only-note">
      <strong>For testing only.</strong> Tokens are credentials: anyone holding one acts as you until it expires. They stay in this
      DevTools window's memory and are never stored or sent anywhere by this panel. Replaying a token captured from a web page is a
      testing shortcut — MCP clients must get their own tokens through OAuth.
    </p>
  );
}
