import { describe, expect, it } from 'vitest';
import { isAllowedUrl } from '../../main/electron/navigation';

describe('isAllowedUrl (navigation and IPC sender check)', () => {
  const appRoot = 'app://loket/';
  const fileRoot = '/opt/loket/resources/app/dist/renderer';

  it('allows the app itself over app://, with hash routes and queries', () => {
    expect(isAllowedUrl('app://loket/index.html', appRoot)).toBe(true);
    expect(isAllowedUrl('app://loket/', appRoot)).toBe(true);
    expect(isAllowedUrl('app://loket/index.html#/client/12', appRoot)).toBe(true);
    expect(isAllowedUrl('app://loket/assets/index-abc123.js?x=1', appRoot)).toBe(true);
  });

  it('allows file:// URLs inside the app root given as a path or a URL', () => {
    expect(isAllowedUrl('file:///opt/loket/resources/app/dist/renderer/index.html', fileRoot)).toBe(true);
    expect(isAllowedUrl('file:///opt/loket/resources/app/dist/renderer/index.html#/werk', `file://${fileRoot}/`)).toBe(true);
  });

  it('refuses the web and script URLs', () => {
    for (const url of [
      'https://example.org/', 'http://127.0.0.1:8080/index.html', 'javascript:alert(1)',
      'data:text/html,<script>alert(1)</script>', 'blob:app://loket/1234-5678', 'ftp://loket/index.html',
      'chrome://settings', 'about:blank', 'file:///etc/passwd', 'not a url', '',
    ]) {
      expect(isAllowedUrl(url, appRoot), url).toBe(false);
      expect(isAllowedUrl(url, fileRoot), url).toBe(false);
    }
  });

  it('refuses other hosts, ports and credentials on the app scheme', () => {
    expect(isAllowedUrl('app://evil/index.html', appRoot)).toBe(false);
    expect(isAllowedUrl('app://loket:81/index.html', appRoot)).toBe(false);
    expect(isAllowedUrl('app://user:pw@loket/index.html', appRoot)).toBe(false);
  });

  it('refuses .. escapes, also encoded, and look-alike sibling folders', () => {
    for (const url of [
      'file:///opt/loket/resources/app/dist/renderer/../main/electron/main.js',
      'file:///opt/loket/resources/app/dist/renderer/%2e%2e/secret.html',
      'file:///opt/loket/resources/app/dist/renderer/%252e%252e/secret.html',
      'file:///opt/loket/resources/app/dist/renderer/..%2f..%2fetc/passwd',
      'file:///opt/loket/resources/app/dist/renderer/a%5c..%5c..%5cx.html',
      'file:///opt/loket/resources/app/dist/renderer-evil/index.html',
      'file:///opt/loket/resources/app/dist/index.html',
    ]) {
      expect(isAllowedUrl(url, fileRoot), url).toBe(false);
    }
    expect(isAllowedUrl('app://loket/../index.html', appRoot)).toBe(false);
    expect(isAllowedUrl('app://loket/assets/%2e%2e/%2e%2e/x', appRoot)).toBe(false);
  });

  it('refuses when the root itself is not an app or file location', () => {
    expect(isAllowedUrl('https://example.org/index.html', 'https://example.org/')).toBe(false);
    expect(isAllowedUrl('app://loket/index.html', 'not a root ::')).toBe(false);
  });
});
