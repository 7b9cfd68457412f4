// The wallboard updates itself by polling its signed data URL. Built to run for days on a TV
// browser: two timers created once and never again, every update rewrites the same few nodes
// (the needs list is replaced, capped at five items), one request in flight at most, each with a
// timeout. A failed poll shows a small notice and tries again at the next tick.
(function () {
  'use strict';
  var body = document.body;
  var source = body.getAttribute('data-source');
  var every = Number(body.getAttribute('data-refresh-ms')) || 30000;
  var photos = [];
  var shown = 0;
  var busy = false;
  var slide = document.getElementById('slide');
  var offline = document.querySelector('[data-offline]');

  function setText(name, value) {
    var node = document.querySelector('[data-field="' + name + '"]');
    if (node && node.textContent !== value) node.textContent = value;
  }

  function setThermo(percent) {
    var fill = document.getElementById('thermo-fill');
    if (!fill) return;
    var h = (332 * Math.max(0, Math.min(100, percent))) / 100;
    fill.setAttribute('height', String(h));
    fill.setAttribute('y', String(14 + 332 - h));
  }

  function setNeeds(items) {
    var list = document.querySelector('[data-list="needs"]');
    if (!list) return;
    var nodes = items.slice(0, 5).map(function (text) {
      var li = document.createElement('li');
      li.textContent = text;
      return li;
    });
    list.replaceChildren.apply(list, nodes);
    list.parentNode.hidden = nodes.length === 0;
  }

  function apply(data) {
    ['percentText', 'pledged', 'of', 'todayPledges', 'todayDonors', 'todayAmount', 'milestone'].forEach(function (name) {
      if (typeof data[name] === 'string') setText(name, data[name]);
    });
    setThermo(Number(data.percent) || 0);
    setNeeds(Array.isArray(data.needs) ? data.needs : []);
    photos = Array.isArray(data.photos) ? data.photos.slice(0, 12) : [];
    if (slide) slide.parentNode.hidden = photos.length === 0;
    document.querySelector('.wall').classList.toggle('no-photos', photos.length === 0);
  }

  function poll() {
    if (busy || !source) return;
    busy = true;
    var controller = new AbortController();
    var timeout = setTimeout(function () {
      controller.abort();
    }, 10000);
    fetch(source, { signal: controller.signal, cache: 'no-store', credentials: 'omit' })
      .then(function (res) {
        if (!res.ok) throw new Error(String(res.status));
        return res.json();
      })
      .then(function (data) {
        apply(data);
        offline.hidden = true;
      })
      .catch(function () {
        offline.hidden = false;
      })
      .finally(function () {
        clearTimeout(timeout);
        busy = false;
      });
  }

  function nextPhoto() {
    if (!slide || photos.length === 0) return;
    shown = (shown + 1) % photos.length;
    slide.src = photos[shown];
  }

  setInterval(poll, every);
  setInterval(nextPhoto, 10000);
  poll();
})();
