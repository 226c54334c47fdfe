// The map: Natural Earth country shapes from the world-atlas package as an offline basemap (no
// tiles, no network), incidents as circles sized by fatalities and coloured by event type,
// clustered by supercluster as the zoom changes. Reports the visible area when it moves.
import L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import Supercluster from 'supercluster';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import countries from 'world-atlas/countries-110m.json' with { type: 'json' };
import type { ExportRecord } from './api.js';
import { colourOf } from './colours.js';
import { h } from './dom.js';

interface PointProperties {
  id: string;
  fatalities: number;
  eventType: string;
  label: string;
}

/** Radius in pixels for a toll: grows with its square root, so that area tracks deaths. */
const radius = (fatalities: number) => 5 + Math.min(25, Math.sqrt(fatalities) * 2);

export class IncidentMap {
  private readonly map: L.Map;
  private readonly markers = L.layerGroup();
  private index = new Supercluster<PointProperties, { fatalities: number }>({
    radius: 50,
    maxZoom: 12,
    map: (p) => ({ fatalities: p.fatalities }),
    reduce: (total, p) => {
      total.fatalities += p.fatalities;
    },
  });

  /** `area` (west,south,east,north) is the view to open on: the list's area filter, when set. */
  constructor(
    container: HTMLElement,
    area: string | undefined,
    private readonly onOpen: (id: string) => void,
    private readonly onMove: (bbox: string) => void,
  ) {
    this.map = L.map(container, { worldCopyJump: true, minZoom: 1, attributionControl: true });
    const [west, south, east, north] = (area ?? '').split(',').map(Number);
    if (area && [west, south, east, north].every(Number.isFinite)) this.map.fitBounds([[south!, west!], [north!, east!]]);
    else this.map.setView([30, 30], 2);
    const topology = countries as unknown as Topology<{ countries: GeometryCollection }>;
    L.geoJSON(feature(topology, topology.objects.countries), { style: { className: 'land', weight: 0.6 }, interactive: false }).addTo(this.map);
    this.map.attributionControl.setPrefix(false).addAttribution('Natural Earth');
    this.markers.addTo(this.map);
    this.map.on('moveend', () => {
      this.draw();
      this.onMove(this.bbox());
    });
  }

  /** West,south,east,north of the visible area, for the list's `bbox` filter. */
  bbox(): string {
    const b = this.map.getBounds();
    const clamp = (v: number, limit: number) => Math.max(-limit, Math.min(limit, v)).toFixed(3);
    return [clamp(b.getWest(), 180), clamp(b.getSouth(), 90), clamp(b.getEast(), 180), clamp(b.getNorth(), 90)].join(',');
  }

  show(records: ExportRecord[]): void {
    const points = records.flatMap((r) =>
      r.latitude === null || r.longitude === null
        ? []
        : [{ type: 'Feature' as const, geometry: { type: 'Point' as const, coordinates: [r.longitude, r.latitude] }, properties: { id: r.event_id, fatalities: r.fatalities ?? 0, eventType: r.event_type, label: `${r.event_date ?? 'undated'} · ${r.location ?? ''} · ${r.event_type}` } }],
    );
    this.index.load(points);
    this.draw();
  }

  invalidateSize(): void {
    this.map.invalidateSize();
  }

  private draw(): void {
    this.markers.clearLayers();
    const b = this.map.getBounds();
    const clusters = this.index.getClusters([Math.max(-180, b.getWest()), Math.max(-85, b.getSouth()), Math.min(180, b.getEast()), Math.min(85, b.getNorth())], Math.round(this.map.getZoom()));
    for (const cluster of clusters) {
      const [longitude, latitude] = cluster.geometry.coordinates as [number, number];
      const properties = cluster.properties;
      if ('cluster' in properties && properties.cluster) {
        const count = properties.point_count;
        const size = 24 + Math.min(24, Math.sqrt(count) * 4);
        const icon = L.divIcon({ className: 'cluster', iconSize: [size, size], html: h('span', {}, count) });
        const marker = L.marker([latitude, longitude], { icon, title: `${count} incidents, ${properties.fatalities} killed` });
        marker.on('click', () => this.map.setView([latitude, longitude], this.index.getClusterExpansionZoom(properties.cluster_id)));
        this.markers.addLayer(marker);
      } else {
        const point = properties as PointProperties;
        const circle = L.circleMarker([latitude, longitude], { radius: radius(point.fatalities), color: colourOf(point.eventType), fillColor: colourOf(point.eventType), fillOpacity: 0.55, weight: 1.5, className: 'incident-marker' });
        // An element, not a string: Leaflet would parse a string as HTML, and the label comes from reports.
        circle.bindTooltip(h('span', {}, `${point.label} · ${point.fatalities} killed`));
        circle.on('click', () => this.onOpen(point.id));
        this.markers.addLayer(circle);
      }
    }
  }
}
