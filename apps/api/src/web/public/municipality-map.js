/*
 * The municipality's map: the locations of the page's table as circles on Leaflet, coloured by status
 * and occupancy (the legend says it in words, the table beside it holds every figure). Tiles only when
 * KAART_TEGELS_URL is set; without it the circles stand on a plain background. The points come from the
 * element's data-punten attribute, so no inline script is needed.
 */
(function () {
  'use strict';
  var element = document.getElementById('kaart');
  if (!element || !window.L) return;
  var L = window.L;
  var points;
  try {
    points = JSON.parse(element.getAttribute('data-punten') || '[]');
  } catch {
    return;
  }
  var map = L.map(element, { scrollWheelZoom: false, attributionControl: Boolean(element.getAttribute('data-tegels')) });
  var tiles = element.getAttribute('data-tegels');
  if (tiles) {
    L.tileLayer(tiles, { maxZoom: 19, attribution: element.getAttribute('data-attributie') || '' }).addTo(map);
  }
  var markers = points.map(function (point) {
    return L.circleMarker([point.lat, point.lon], {
      radius: 9,
      className: 'marker marker--' + point.tone,
      color: '#1b1b1b',
      weight: 1.5,
      fillOpacity: 0.9,
    })
      .bindTooltip(point.label)
      .addTo(map);
  });
  if (markers.length > 0) {
    map.fitBounds(L.featureGroup(markers).getBounds().pad(0.3), { maxZoom: 15 });
  } else {
    // The middle of the Netherlands.
    map.setView([52.13, 5.29], 7);
  }
  element.setAttribute('data-klaar', String(markers.length));
})();
