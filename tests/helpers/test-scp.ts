/**
 * A small, misbehaving-on-purpose Storage SCP built with dcmjs-dimse (the library the sender uses), for the
 * fault tests: it can reject our calling AE title, accept only some SOP classes, drop the connection in the
 * middle of an association, or answer some C-STOREs with a chosen status. It records what it stored.
 */
import type { Socket } from 'node:net';
import * as dimse from 'dcmjs-dimse';
import { freePort } from './orthanc';

const { Scp, Server, constants, responses } = dimse;
const { PresentationContextResult, RejectReason, RejectResult, RejectSource, SopClass, TransferSyntax } =
  constants;

export interface ScpBehaviour {
  /** listen on this port (default: a free one) */
  port?: number;
  /** only this calling AE title is accepted (else: permanent rejection, calling AE not recognized) */
  allowedCallingAe?: string;
  /** SOP classes accepted for storage (default: any) */
  acceptedSopClasses?: readonly string[];
  /** transfer syntaxes accepted, in order of preference (default: Explicit VR LE, then Implicit VR LE) */
  transferSyntaxes?: readonly string[];
  /** destroy the socket when this many C-STOREs (over the SCP's life) have been received, before answering */
  dropAtStore?: number;
  /** the status for an instance received for the `times`-th time (1 = first); default success */
  statusOf?: (sopInstanceUid: string, times: number) => number;
}

export interface TestScp {
  port: number;
  /** SOP Instance UIDs stored, in order (with repeats) */
  stored: string[];
  /** transfer syntax accepted per association */
  acceptedSyntaxes: string[];
  associations: number;
  storeRequests: number;
  close(): Promise<void>;
}

export async function startTestScp(behaviour: ScpBehaviour = {}): Promise<TestScp> {
  const port = behaviour.port ?? (await freePort());
  const state: TestScp = {
    port,
    stored: [],
    acceptedSyntaxes: [],
    associations: 0,
    storeRequests: 0,
    close: () => Promise.resolve(),
  };
  const seen = new Map<string, number>();
  const preferred = behaviour.transferSyntaxes ?? [
    TransferSyntax.ExplicitVRLittleEndian,
    TransferSyntax.ImplicitVRLittleEndian,
  ];

  class FaultyScp extends Scp {
    private socketRef: Socket;
    constructor(socket: Socket, opts?: Record<string, unknown>) {
      super(socket, opts);
      this.socketRef = socket;
    }
    override associationRequested(association: dimse.association.Association): void {
      state.associations++;
      if (
        behaviour.allowedCallingAe !== undefined &&
        association.getCallingAeTitle() !== behaviour.allowedCallingAe
      ) {
        this.sendAssociationReject(
          RejectResult.Permanent,
          RejectSource.ServiceUser,
          RejectReason.CallingAeNotRecognized,
        );
        return;
      }
      for (const { id } of association.getPresentationContexts()) {
        const context = association.getPresentationContext(id);
        const abstract = context.getAbstractSyntaxUid();
        const storageAccepted = behaviour.acceptedSopClasses?.includes(abstract) ?? true;
        if (abstract !== SopClass.Verification && !storageAccepted) {
          context.setResult(PresentationContextResult.RejectAbstractSyntaxNotSupported);
          continue;
        }
        const offered = context.getTransferSyntaxUids();
        const chosen = preferred.find((ts) => offered.includes(ts));
        if (chosen === undefined)
          context.setResult(PresentationContextResult.RejectTransferSyntaxesNotSupported);
        else {
          context.setResult(PresentationContextResult.Accept, chosen);
          state.acceptedSyntaxes.push(chosen);
        }
      }
      this.sendAssociationAccept();
    }
    override cEchoRequest(
      request: dimse.requests.CEchoRequest,
      callback: (response: dimse.responses.CEchoResponse) => void,
    ): void {
      const response = responses.CEchoResponse.fromRequest(request);
      response.setStatus(0);
      callback(response);
    }
    override cStoreRequest(
      request: dimse.requests.CStoreRequest,
      callback: (response: dimse.responses.CStoreResponse) => void,
    ): void {
      state.storeRequests++;
      const n = state.storeRequests;
      if (behaviour.dropAtStore !== undefined && n === behaviour.dropAtStore) {
        this.socketRef.destroy();
        return;
      }
      const uid = request.getAffectedSopInstanceUid();
      const times = (seen.get(uid) ?? 0) + 1;
      seen.set(uid, times);
      const status = behaviour.statusOf?.(uid, times) ?? 0;
      if (status === 0 || (status >= 0xb000 && status <= 0xbfff)) state.stored.push(uid);
      const response = responses.CStoreResponse.fromRequest(request);
      response.setStatus(status);
      callback(response);
    }
    override associationReleaseRequested(): void {
      this.sendAssociationReleaseResponse();
    }
  }

  const server = new Server(FaultyScp as unknown as typeof Scp);
  server.listen(port);
  state.close = () =>
    new Promise((resolve) => {
      server.close();
      setTimeout(resolve, 50);
    });
  return state;
}
