"""Proposing an idea, its page (support and comments), its photo and the officer's assessment."""

from django.contrib import messages
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from commonweal.budgets import services
from commonweal.budgets.forms import AssessForm, CommentForm, IdeaForm, add_errors
from commonweal.budgets.views.common import actions_for, crumbs, get_idea, get_process, guard


@guard("budgets.propose_idea", get_process)
def propose(request, slug):
    process = get_process(request, slug)
    form = IdeaForm(
        request.POST if request.method == "POST" else None,
        request.FILES if request.method == "POST" else None,
        process=process,
        user=request.user,
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            idea = services.propose_idea(
                actor=request.user,
                pot=data["pot"],
                title=data["title"],
                description=data["description"],
                postcode=data["postcode"],
                longitude=data["longitude"],
                latitude=data["latitude"],
                organisation=data["organisation"],
                photo=data["photo"],
                photo_description=data["photo_description"],
            )
        except services.BudgetsError as exc:
            add_errors(form, exc)
        else:
            messages.success(request, "Thank you: your idea has been published.")
            return redirect("budgets:idea", slug=slug, pk=idea.pk)
    return render(
        request,
        "budgets/idea_new.html",
        {"process": process, "form": form, "breadcrumbs": crumbs(process, "Propose an idea")},
    )


def idea_page(request, slug, pk, comment_form=None):
    idea = get_idea(request, slug, pk)
    process = idea.process
    return render(
        request,
        "budgets/idea.html",
        {
            "process": process,
            "idea": idea,
            "can": actions_for(request.user, process),
            "supporters": idea.supports.count(),
            "supported": request.user.is_authenticated
            and idea.supports.filter(user=request.user).exists(),
            "comments": idea.comments.select_related("author"),
            "changes": idea.status_changes.all(),
            "comment_form": comment_form or CommentForm(),
            "delivery": idea.delivery_updates.all(),
            "funded": services.is_funded(idea),
            "breadcrumbs": crumbs(process, idea.title),
        },
    )


def photo(request, slug, pk):
    idea = get_idea(request, slug, pk)
    if not idea.photo:
        raise Http404("This idea has no photo.")
    return FileResponse(idea.photo.open("rb"))


@require_POST
@guard("budgets.support_idea", get_process)
def support(request, slug, pk):
    idea = get_idea(request, slug, pk)
    try:
        services.support_idea(actor=request.user, idea=idea)
    except services.BudgetsError as exc:
        messages.error(request, exc.reason)
    else:
        messages.success(request, "You support this idea.")
    return redirect("budgets:idea", slug=slug, pk=pk)


@require_POST
@guard("budgets.comment_idea", get_process)
def comment(request, slug, pk):
    idea = get_idea(request, slug, pk)
    form = CommentForm(request.POST)
    form.is_valid()
    try:
        services.comment_on_idea(actor=request.user, idea=idea, text=form.cleaned_data["text"])
    except services.BudgetsError as exc:
        add_errors(form, exc)
        return idea_page(request, slug, pk, comment_form=form)
    messages.success(request, "Your comment has been published.")
    return redirect("budgets:idea", slug=slug, pk=pk)


@guard("budgets.assess_idea", get_process)
def assess(request, slug, pk):
    idea = get_idea(request, slug, pk)
    form = AssessForm(request.POST if request.method == "POST" else None, idea=idea)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            if data["decision"] == "feasible":
                services.assess_idea(
                    actor=request.user, idea=idea, cost=data["cost"], note=data["note"]
                )
            elif data["decision"] == "reject":
                services.reject_idea(actor=request.user, idea=idea, reason=data["note"])
            else:
                if data["into"] is None:
                    raise services.BudgetsError("Choose the idea to merge it into.", "into")
                services.merge_ideas(
                    actor=request.user, duplicate=idea, into=data["into"], reason=data["note"]
                )
        except services.BudgetsError as exc:
            if exc.field == "reason":
                exc.errors = {"note": exc.reason}
            add_errors(form, exc)
        else:
            messages.success(request, "The assessment has been published.")
            return redirect("budgets:idea", slug=slug, pk=pk)
    return render(
        request,
        "budgets/idea_assess.html",
        {
            "process": idea.process,
            "idea": idea,
            "form": form,
            "breadcrumbs": crumbs(idea.process, "Assess an idea"),
        },
    )
