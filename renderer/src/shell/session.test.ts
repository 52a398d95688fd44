import { describe, expect, it } from 'vitest';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import type { SessionInfo } from '@shared/vault';
import type { Permission } from '@shared/roles';
import { SessionProvider, useCan, useSession } from './session';

const session = (role: SessionInfo['role']): SessionInfo => ({
  userId: 'u1',
  displayName: 'Aino',
  role,
  mustChangePassphrase: false,
  recoveryPending: false,
});

/** What a component inside the provider reads: the name and whether the role holds a permission. */
function Probe({ permission }: { permission: Permission }) {
  const { displayName } = useSession();
  return createElement('p', null, `${displayName}:${useCan(permission) ? 'yes' : 'no'}`);
}

const render = (role: SessionInfo['role'], permission: Permission) =>
  renderToStaticMarkup(
    createElement(SessionProvider, {
      session: session(role),
      setSession: () => undefined,
      children: createElement(Probe, { permission }),
    }),
  );

describe('the session context', () => {
  it('gives any component the signed-in user and what their role may do, by the one permission matrix', () => {
    expect(render('coordinator', 'users.manage')).toBe('<p>Aino:yes</p>');
    expect(render('caseworker', 'users.manage')).toBe('<p>Aino:no</p>');
    expect(render('psychologist', 'psychosocial.private')).toBe('<p>Aino:yes</p>');
    expect(render('teacher', 'participants.read')).toBe('<p>Aino:no</p>');
  });

  it('is not there outside the unlocked app: a component that needs it cannot be shown while locked', () => {
    expect(() => renderToStaticMarkup(createElement(Probe, { permission: 'audit.read' }))).toThrow(/outside the unlocked app/);
  });
});
