/** Whether this page may start Web Workers: `?worker=0` runs the engine and the message layer on the page. */
export const workersAllowed = (): boolean =>
  typeof Worker !== 'undefined' && (typeof location === 'undefined' || new URLSearchParams(location.search).get('worker') !== '0');
