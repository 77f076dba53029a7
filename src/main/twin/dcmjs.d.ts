/**
 * The part of dcmjs (which ships no types) that the SR content builder uses: its SR templates and
 * value types (ported from highdicom), which build TID 1500 content as naturalized data sets (keyword
 * -> value objects), and the data dictionary that names each keyword's tag and VR.
 */
declare module 'dcmjs' {
  /** A naturalized data set or content item: DICOM keywords to values. */
  type Naturalized = Record<string, unknown>;

  namespace sr {
    namespace coding {
      class CodedConcept {
        constructor(options: {
          value: string;
          meaning: string;
          schemeDesignator: string;
          schemeVersion?: string;
        });
        readonly CodeValue: string;
        readonly CodeMeaning: string;
        readonly CodingSchemeDesignator: string;
      }
    }
    namespace valueTypes {
      type CodedConcept = coding.CodedConcept;
      class ContentItem {
        [keyword: string]: unknown;
      }
      class CodeContentItem extends ContentItem {
        constructor(options: { name: CodedConcept; value: CodedConcept; relationshipType: string });
      }
      class TextContentItem extends ContentItem {
        constructor(options: { name: CodedConcept; value: string; relationshipType: string });
      }
      class NumContentItem extends ContentItem {
        constructor(options: {
          name: CodedConcept;
          value: number;
          unit: CodedConcept;
          relationshipType: string;
        });
      }
      class ContainerContentItem extends ContentItem {
        constructor(options: { name: CodedConcept; relationshipType?: string; templateID?: string });
      }
      class ImageContentItem extends ContentItem {
        constructor(options: {
          name: CodedConcept;
          referencedSOPClassUID: string;
          referencedSOPInstanceUID: string;
          referencedFrameNumbers?: number[];
          relationshipType: string;
        });
      }
      const RelationshipTypes: {
        CONTAINS: string;
        HAS_CONCEPT_MOD: string;
        HAS_OBS_CONTEXT: string;
        HAS_PROPERTIES: string;
        SELECTED_FROM: string;
      };
      const GraphicTypes: { POLYLINE: string };
      const PixelOriginInterpretations: { FRAME: string; VOLUME: string };
    }
    namespace contentItems {
      class SourceImageForRegion extends valueTypes.ImageContentItem {
        constructor(options: {
          referencedSOPClassUID: string;
          referencedSOPInstanceUID: string;
          referencedFrameNumbers?: number[];
        });
      }
      class ImageRegion extends valueTypes.ContentItem {
        constructor(options: {
          graphicType: string;
          graphicData: number[][];
          pixelOriginInterpretation?: string;
          sourceImage: SourceImageForRegion;
        });
      }
    }
    namespace templates {
      /** A template is an array of content items. */
      class Template extends Array<valueTypes.ContentItem> {}
      class TrackingIdentifier extends Template {
        constructor(options: { uid: string; identifier?: string });
      }
      class DeviceObserverIdentifyingAttributes extends Template {
        constructor(options: { uid: string; modelName?: string; serialNumber?: string });
      }
      class ObserverContext extends Template {
        constructor(options: {
          observerType: coding.CodedConcept;
          observerIdentifyingAttributes:
            DeviceObserverIdentifyingAttributes | PersonObserverIdentifyingAttributes;
        });
      }
      class PersonObserverIdentifyingAttributes extends Template {
        constructor(options: {
          name: string;
          organizationName?: string;
          roleInProcedure?: coding.CodedConcept;
        });
      }
      class ObservationContext extends Template {
        constructor(options: {
          observerPersonContext: ObserverContext;
          observerDeviceContext?: ObserverContext;
        });
      }
      class LanguageOfContentItemAndDescendants extends Template {
        constructor(options: { language?: coding.CodedConcept });
      }
      class PlanarROIMeasurementsAndQualitativeEvaluations extends Template {
        constructor(options: {
          trackingIdentifier: TrackingIdentifier;
          referencedRegion: contentItems.ImageRegion;
          findingType?: coding.CodedConcept;
        });
      }
      class MeasurementReport extends Template {
        constructor(options: {
          languageOfContentItemAndDescendants: LanguageOfContentItemAndDescendants;
          observationContext: ObservationContext;
          procedureReported: coding.CodedConcept;
          imagingMeasurements: PlanarROIMeasurementsAndQualitativeEvaluations[];
        });
      }
    }
  }

  namespace data {
    interface DictionaryEntry {
      /** '(0040,A730)' */
      tag: string;
      vr: string;
      name: string;
    }
    const DicomMetaDictionary: { nameMap: Record<string, DictionaryEntry | undefined> };
  }

  const dcmjs: { sr: typeof sr; data: typeof data };
  export default dcmjs;
  export { sr, data, Naturalized };
}
